package dev.strata.agent.adapter.out.sqlclient;

import dev.strata.agent.domain.execution.Outbox;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** {@link Outbox} as rows of {@code agent.outbox} inserted on the unit of work's connection (the relay publishes them after commit). */
public class SqlOutbox implements Outbox {

  private static final String INSERT = "INSERT INTO agent.outbox (id, message_type, body, correlation_id, created_at) VALUES ($1, $2, $3, $4, $5)";

  private final EnvelopeCodec codec = new EnvelopeCodec();

  @Override
  public <T> CompletionStage<Void> enqueue(MessageType<T> type, Envelope<T> envelope) {
    return Sql.run(INSERT, Tuple.of(envelope.messageId(), type.name(), Buffer.buffer(codec.encode(envelope)), envelope.correlationId(),
        Sql.time(Instant.now()))).thenApply(rows -> null);
  }
}
