package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.execution.Outbox;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** {@link Outbox} as rows of {@code agent.outbox}, written in the caller's transaction. */
public class PostgresOutbox implements Outbox {

  private final EnvelopeCodec codec = new EnvelopeCodec();

  @Override
  public <T> CompletionStage<Void> enqueue(MessageType<T> type, Envelope<T> envelope) {
    OutboxEntity e = new OutboxEntity();
    e.id = envelope.messageId();
    e.messageType = type.name();
    e.body = codec.encode(envelope);
    e.correlationId = envelope.correlationId();
    e.createdAt = Instant.now();
    return Panache.getSession().chain(s -> s.persist(e)).subscribeAsCompletionStage();
  }
}
