package dev.strata.agent.adapter.out.audit;

import dev.strata.agent.application.access.ActionAudit;
import dev.strata.kernel.messaging.contract.AuditEvent.Outcome;
import dev.strata.support.messaging.AuditTrail;
import java.util.Map;

/** {@link ActionAudit} as {@code audit.log} events ({@link AuditTrail#recordDone}: a lost one is logged). */
public class AuditTrailActions implements ActionAudit {

  private final AuditTrail audit;

  public AuditTrailActions(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void record(String actor, String action, String resource, Map<String, String> details) {
    audit.recordDone(actor, action, resource, Outcome.SUCCESS, null, details);
  }
}
