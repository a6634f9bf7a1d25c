package dev.strata.scoring.adapter.out.rabbitmq;

import dev.strata.kernel.messaging.contract.AuditEvent.Outcome;
import dev.strata.scoring.domain.model.ModelAudit;
import dev.strata.scoring.domain.model.ModelRef;
import dev.strata.support.messaging.AuditTrail;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Registry changes as {@code audit.log} events, through service-support's shared audit channel. */
public class RabbitModelAudit implements ModelAudit {

  private final AuditTrail audit;

  public RabbitModelAudit(AuditTrail audit) {
    this.audit = audit;
  }

  /**
   * The change is already made: a lost audit event is logged rather than undoing or failing it, so the stage
   * completes once the event is handed to the (non-blocking) emitter, not when the broker confirms it.
   */
  @Override
  public CompletionStage<Void> record(String actor, String action, ModelRef ref, Map<String, String> details) {
    audit.recordDone(actor, action, "model " + ref.name() + " version " + ref.version(), Outcome.SUCCESS, null, details);
    return CompletableFuture.completedFuture(null);
  }
}
