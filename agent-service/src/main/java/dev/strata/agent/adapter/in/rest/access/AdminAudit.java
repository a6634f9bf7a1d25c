package dev.strata.agent.adapter.in.rest.access;

import dev.strata.agent.application.access.ActionAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/** Audits a user's action (an administrator's, a workflow change, a start) once it succeeded, as the token's subject. */
@ApplicationScoped
public class AdminAudit {

  private final ActionAudit audit;

  AdminAudit(ActionAudit audit) {
    this.audit = audit;
  }

  /** Never fails the action: the change is committed, a lost audit event is logged instead. */
  public void record(SecurityContext who, String action, String resource, Map<String, String> details) {
    audit.record(actor(who), action, resource, details);
  }

  /** Who acts: the token's subject. */
  public static String actor(SecurityContext who) {
    return who.getUserPrincipal() == null ? "anonymous" : who.getUserPrincipal().getName();
  }
}
