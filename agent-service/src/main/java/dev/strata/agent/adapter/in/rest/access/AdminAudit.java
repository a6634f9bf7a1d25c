package dev.strata.agent.adapter.in.rest.access;

import dev.strata.kernel.messaging.contract.AuditEvent.Outcome;
import dev.strata.support.messaging.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.jboss.logging.Logger;

/** Publishes an {@code audit.log} event for a user's action (an administrator's, a workflow change, a start) once it succeeded. */
@ApplicationScoped
public class AdminAudit {

  private static final Logger LOG = Logger.getLogger(AdminAudit.class);

  private final AuditTrail audit;

  AdminAudit(AuditTrail audit) {
    this.audit = audit;
  }

  /** Never fails the action: the change is committed, a lost audit event is logged instead. */
  public void record(SecurityContext who, String action, String resource, Map<String, String> details) {
    String actor = who.getUserPrincipal() == null ? "anonymous" : who.getUserPrincipal().getName();
    audit.record(actor, action, resource, Outcome.SUCCESS, null, details).exceptionally(failure -> {
      LOG.warnf("could not publish the audit of %s on %s: %s", action, resource, failure.getMessage());
      return null;
    });
  }
}
