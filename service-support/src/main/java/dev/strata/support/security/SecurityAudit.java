package dev.strata.support.security;

import dev.strata.kernel.messaging.contract.AuditEvent.Outcome;
import dev.strata.support.messaging.AuditTrail;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.quarkus.security.spi.runtime.SecurityEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.Map;

/**
 * Every failed authentication and every refused authorization becomes an {@code audit.log}
 * event: who (if known), which request, and why — never the token itself.
 */
@ApplicationScoped
public class SecurityAudit {

  private final AuditTrail audit;

  SecurityAudit(AuditTrail audit) {
    this.audit = audit;
  }

  void authenticationFailed(@ObservesAsync AuthenticationFailureEvent event) {
    record(event, "authenticate", Outcome.FAILURE);
  }

  void authorizationFailed(@ObservesAsync AuthorizationFailureEvent event) {
    record(event, "authorize", Outcome.DENIED);
  }

  private void record(SecurityEvent event, String action, Outcome outcome) {
    String actor = event.getSecurityIdentity() == null || event.getSecurityIdentity().isAnonymous()
        ? "anonymous" : event.getSecurityIdentity().getPrincipal().getName();
    String resource = event.getEventProperties().get(RoutingContext.class.getName()) instanceof RoutingContext context
        ? context.request().method() + " " + context.normalizedPath() : "unknown";
    audit.recordDone(actor, action, resource, outcome, null, Map.of("reason", reason(event)));
  }

  private static String reason(SecurityEvent event) {
    Throwable failure = switch (event) {
      case AuthenticationFailureEvent authentication -> authentication.getAuthenticationFailure();
      case AuthorizationFailureEvent authorization -> authorization.getAuthorizationFailure();
      default -> null;
    };
    return failure == null ? "denied" : failure.getClass().getSimpleName();
  }
}
