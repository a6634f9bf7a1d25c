package dev.strata.agent.adapter.out.audit;

import dev.strata.agent.application.access.ActionAudit;
import dev.strata.kernel.messaging.contract.AuditEvent.Outcome;
import dev.strata.support.messaging.AuditTrail;
import java.util.Map;
import org.jboss.logging.Logger;

/** {@link ActionAudit} as {@code audit.log} events; a lost event is logged, since the action is already committed. */
public class AuditTrailActions implements ActionAudit {

  private static final Logger LOG = Logger.getLogger(AuditTrailActions.class);

  private final AuditTrail audit;

  public AuditTrailActions(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void record(String actor, String action, String resource, Map<String, String> details) {
    audit.record(actor, action, resource, Outcome.SUCCESS, null, details).exceptionally(failure -> {
      LOG.warnf("could not publish the audit of %s on %s: %s", action, resource, failure.getMessage());
      return null;
    });
  }
}
