package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.execution.Outbox;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.support.messaging.OutboxRelay;
import dev.strata.support.messaging.TraceParent;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** {@link Outbox} as rows of {@code agent.outbox} inserted on the unit of work's connection (the relay publishes them after commit). */
public class PostgresOutbox implements Outbox {

  public static final String TABLE = "agent.outbox";
  private static final String INSERT = OutboxRelay.insert(TABLE);

  private final EnvelopeCodec codec = new EnvelopeCodec();

  @Override
  public <T> CompletionStage<Void> enqueue(MessageType<T> type, Envelope<T> envelope) {
    return Sql.run(INSERT, Tuple.of(envelope.messageId(), type.name(), envelope.correlationId(), Buffer.buffer(codec.encode(envelope)),
        Sql.time(Instant.now()), TraceParent.current())).thenApply(rows -> {
          Sql.outboxWritten();
          return null;
        });
  }
}
