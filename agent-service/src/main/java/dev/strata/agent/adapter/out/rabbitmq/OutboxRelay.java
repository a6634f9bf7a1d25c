package dev.strata.agent.adapter.out.rabbitmq;

import dev.strata.kernel.messaging.MessageType;
import dev.strata.support.messaging.OutboundMessages;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows and deletes them, in one transaction that holds the rows ({@code
 * FOR UPDATE SKIP LOCKED}) so replicas share the work. A crash between confirm and commit
 * republishes a row: consumers are idempotent on its message id. A publish that fails or is not
 * confirmed in time rolls the round back: its rows stay for the next round.
 */
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final String TAKE = """
      SELECT id, message_type, body, correlation_id FROM agent.outbox ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED""";
  /**
   * By the ids taken, not folded into one {@code DELETE … WHERE id IN (SELECT … LIMIT … SKIP LOCKED)}:
   * that statement's plan, made while the table was empty (an outbox mostly is), re-ran the sub-select
   * for every row and deleted (and so published) a 30,000-row backlog in one 216 s round.
   */
  private static final String DELETE = "DELETE FROM agent.outbox WHERE id = ANY($1)";

  private final Pool pool;
  private final Emitter<byte[]> emitter;
  private final OutboundMessages outbound;
  private final int batchSize;
  private final Duration confirmTimeout;
  private final AtomicBoolean busy = new AtomicBoolean();

  public OutboxRelay(Pool pool, Emitter<byte[]> emitter, OutboundMessages outbound, int batchSize, Duration confirmTimeout) {
    this.pool = pool;
    this.emitter = emitter;
    this.outbound = outbound;
    this.batchSize = batchSize;
    this.confirmTimeout = confirmTimeout;
  }

  /** One relay round (skipped while the previous one still runs); drains while batches are full. */
  public void tick() {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    drain().subscribe().with(x -> busy.set(false), failure -> {
      busy.set(false);
      LOG.warnf("outbox relay round failed, will retry: %s", failure.getMessage());
    });
  }

  private Uni<Void> drain() {
    return pool.withTransaction(this::relayBatch)
        .chain(published -> published == batchSize ? drain() : Uni.createFrom().voidItem());
  }

  private Uni<Integer> relayBatch(SqlConnection connection) {
    return connection.preparedQuery(TAKE).execute(Tuple.of(batchSize)).chain(rows -> {
      List<UUID> ids = new ArrayList<>();
      List<Uni<Void>> sends = new ArrayList<>();
      for (Row row : rows) {
        ids.add(row.getUUID("id"));
        sends.add(send(row));
      }
      if (ids.isEmpty()) {
        return Uni.createFrom().item(0);
      }
      return Uni.join().all(sends).andFailFast()
          // without a timeout a broker that never confirms would hold this round, and the relay, forever
          .ifNoItem().after(confirmTimeout).failWith(() -> new TimeoutException("no publisher confirm within " + confirmTimeout))
          .chain(x -> connection.preparedQuery(DELETE).execute(Tuple.of(ids.toArray(UUID[]::new))))
          .map(x -> ids.size());
    });
  }

  private Uni<Void> send(Row row) {
    MessageType<?> type = MessageType.named(row.getString("message_type")).orElseThrow();
    byte[] body = row.getBuffer("body").getBytes();
    return Uni.createFrom().completionStage(
        () -> outbound.send(emitter, body, row.getUUID("id").toString(), row.getString("correlation_id"), type));
  }
}
