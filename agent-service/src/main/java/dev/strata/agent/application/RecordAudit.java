package dev.strata.agent.application;

import dev.strata.agent.domain.audit.AuditChain;
import dev.strata.agent.domain.audit.AuditLog;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.AuditEvent;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;

/** Appends an {@code audit.log} event to the chain, once per message id. */
public final class RecordAudit {

  private final AuditLog log;
  private final UnitOfWork unitOfWork;

  public RecordAudit(AuditLog log, UnitOfWork unitOfWork) {
    this.log = log;
    this.unitOfWork = unitOfWork;
  }

  public Uni<Void> run(Envelope<AuditEvent> envelope) {
    AuditEvent event = envelope.payload();
    return Async.<Object>uni(() -> unitOfWork.write(() -> log.lockTail().thenCompose(previous -> log.contains(envelope.messageId())
        .thenCompose(seen -> seen
            ? CompletableFuture.completedFuture(null)
            : log.append(AuditChain.link(previous, envelope.messageId(), event.service(), event.actor(), event.action(),
                event.resource(), event.outcome().name(), event.at(), envelope.correlationId(), event.details())))))).replaceWithVoid();
  }
}
