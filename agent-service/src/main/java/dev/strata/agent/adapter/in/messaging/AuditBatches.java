package dev.strata.agent.adapter.in.messaging;

import dev.strata.agent.application.RecordAudit;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.AuditEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Group commit for the audit writer: events that arrive while a batch is being written wait and go
 * together into the next transaction (up to {@code batchSize}), so the chain's lock is taken once
 * per batch, not once per event. One batch is written at a time (the chain is serial anyway).
 * When a batch fails, its events are retried one per transaction, so one bad event fails alone
 * (and is nacked alone) instead of taking the others' deliveries with it towards the dead-letter queue.
 */
public final class AuditBatches {

  private record Pending(Envelope<AuditEvent> envelope, CompletableFuture<Void> written) {}

  private final RecordAudit recordAudit;
  private final Vertx vertx;
  private final int batchSize;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private boolean writing;

  public AuditBatches(RecordAudit recordAudit, Vertx vertx, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("agent.audit.batch-size must be at least 1, not " + batchSize);
    }
    this.recordAudit = recordAudit;
    this.vertx = vertx;
    this.batchSize = batchSize;
  }

  /** Completes once the event is in the log (its batch committed), or fails with the reason it is not. */
  public Uni<Void> submit(Envelope<AuditEvent> envelope) {
    return Uni.createFrom().deferred(() -> {
      Pending pending = new Pending(envelope, new CompletableFuture<>());
      List<Pending> batch;
      synchronized (this) {
        waiting.add(pending);
        if (writing) {
          return Uni.createFrom().completionStage(pending.written());
        }
        writing = true;
        batch = take();
      }
      write(batch);
      return Uni.createFrom().completionStage(pending.written());
    });
  }

  /** Caller holds the monitor. */
  private List<Pending> take() {
    List<Pending> batch = new ArrayList<>(Math.min(batchSize, waiting.size()));
    while (batch.size() < batchSize && !waiting.isEmpty()) {
      batch.add(waiting.poll());
    }
    return batch;
  }

  private void write(List<Pending> batch) {
    onFreshContext(() -> recordAudit.run(batch.stream().map(Pending::envelope).toList()).subscribe().with(
        written -> {
          batch.forEach(p -> p.written().complete(null));
          next();
        },
        failure -> {
          if (batch.size() == 1) {
            batch.getFirst().written().completeExceptionally(failure);
            next();
          } else {
            writeOneByOne(batch, 0);
          }
        }));
  }

  private void writeOneByOne(List<Pending> batch, int index) {
    if (index == batch.size()) {
      next();
      return;
    }
    Pending pending = batch.get(index);
    onFreshContext(() -> recordAudit.run(List.of(pending.envelope())).subscribe().with(
        written -> {
          pending.written().complete(null);
          writeOneByOne(batch, index + 1);
        },
        failure -> {
          pending.written().completeExceptionally(failure);
          writeOneByOne(batch, index + 1);
        }));
  }

  private void next() {
    List<Pending> batch;
    synchronized (this) {
      if (waiting.isEmpty()) {
        writing = false;
        return;
      }
      batch = take();
    }
    write(batch);
  }

  /**
   * Each transaction on a duplicated context of its own: the batch's events arrived on their
   * deliveries' contexts, and the next batch starts from the callback of the previous one, whose
   * context may still hold the previous transaction's session.
   */
  private void onFreshContext(Runnable work) {
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(ignored -> work.run());
  }
}
