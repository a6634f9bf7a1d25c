package dev.strata.agent.application;

import dev.strata.agent.domain.audit.AuditChain;
import dev.strata.agent.domain.audit.AuditLog;
import dev.strata.agent.domain.audit.AuditRecord;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.AuditEvent;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Appends {@code audit.log} events to the chain, once per message id, many in one transaction:
 * one wait for the chain's lock and one INSERT for the whole batch. An event whose message id is
 * already in the log, or earlier in the same batch, is skipped.
 */
public final class RecordAudit {

  private final AuditLog log;
  private final AuditChain chain;
  private final UnitOfWork unitOfWork;

  public RecordAudit(AuditLog log, AuditChain chain, UnitOfWork unitOfWork) {
    this.log = log;
    this.chain = chain;
    this.unitOfWork = unitOfWork;
  }

  public Uni<Void> run(List<Envelope<AuditEvent>> envelopes) {
    List<UUID> ids = envelopes.stream().map(Envelope::messageId).distinct().toList();
    return Async.<Void>uni(() -> unitOfWork.write(() -> log.lockTail()
        .thenCompose(tail -> log.seen(ids).thenCompose(seen -> append(tail, seen, envelopes)))));
  }

  private CompletionStage<Void> append(String tail, Set<UUID> seen, List<Envelope<AuditEvent>> envelopes) {
    Set<UUID> recorded = new HashSet<>(seen);
    List<AuditRecord> records = new ArrayList<>();
    String previous = tail;
    for (Envelope<AuditEvent> envelope : envelopes) {
      if (recorded.add(envelope.messageId())) {
        AuditEvent event = envelope.payload();
        AuditRecord record = chain.link(previous, envelope.messageId(), event.service(), event.actor(), event.action(),
            event.resource(), event.outcome().name(), event.at(), envelope.correlationId(), event.details());
        records.add(record);
        previous = record.contentHash();
      }
    }
    return records.isEmpty() ? CompletableFuture.completedFuture(null) : log.appendAll(records);
  }
}
