package dev.strata.support.messaging;

import dev.strata.kernel.messaging.MessageType;
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
 * The one transactional outbox relay. A service writes its outgoing messages as rows of its outbox table
 * ({@code id, message_type, correlation_id, body, created_at, trace_parent}; {@link #insert(String)}) in the transaction
 * that changes its state; this publishes committed rows and deletes them, in one transaction that holds
 * them ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work), batch after batch while batches are
 * full. A crash between the broker's confirm and the commit publishes a row again: consumers are idempotent
 * on its message id. A publish that fails or is not confirmed within the confirm timeout rolls the batch
 * back: its rows stay for the next round.
 *
 * <p>A round runs when the service nudges the relay after a commit, and every poll interval besides
 * ({@link OutboxSchedule}), for rows a nudge missed (another replica's, a failed round's). A nudge that
 * comes while a round runs makes that round run once more.
 */
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  private final Pool pool;
  private final Emitter<byte[]> emitter;
  private final OutboundMessages outbound;
  private final String take;
  private final String delete;
  private final String backlog;
  private final int batchSize;
  private final Duration confirmTimeout;
  private final Duration pollInterval;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();

  /**
   * @param table the outbox table, schema-qualified where the connection's search path does not find it
   */
  public OutboxRelay(Pool pool, Emitter<byte[]> emitter, OutboundMessages outbound, String table, int batchSize,
      Duration confirmTimeout, Duration pollInterval) {
    this.pool = pool;
    this.emitter = emitter;
    this.outbound = outbound;
    this.take = "SELECT id, message_type, correlation_id, body, trace_parent FROM " + table
        + " ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED";
    // by the ids taken, not one DELETE … WHERE id IN (SELECT … SKIP LOCKED): that statement's plan, made while the
    // table was empty (an outbox mostly is), re-ran the sub-select for every row of a large backlog
    this.delete = "DELETE FROM " + table + " WHERE id = ANY($1)";
    this.backlog = "SELECT count(*) AS waiting, EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS oldest FROM " + table;
    this.batchSize = batchSize;
    this.confirmTimeout = confirmTimeout;
    this.pollInterval = pollInterval;
  }

  /**
   * The statement that writes one outbox row: {@code id, message_type, correlation_id, body, created_at,
   * trace_parent} (the writer's {@link TraceParent#current()}).
   */
  public static String insert(String table) {
    return "INSERT INTO " + table + " (id, message_type, correlation_id, body, created_at, trace_parent) VALUES ($1, $2, $3, $4, $5, $6)";
  }

  /** How often a round runs without a nudge. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** Rows not yet published, and the age of the oldest in seconds (0 when there is none). */
  public record Backlog(long rows, double oldestSeconds) {}

  /** What waits in the outbox now (committed rows; a round's locked rows count until it commits). */
  public Uni<Backlog> backlog() {
    return pool.query(backlog).execute().map(rows -> {
      Row row = rows.iterator().next();
      Double oldest = row.getDouble("oldest");
      return new Backlog(row.getLong("waiting"), oldest == null ? 0 : Math.max(0, oldest));
    });
  }

  /** Relays now, or right after the round that runs. */
  public void nudge() {
    again.set(true);
    if (!running.compareAndSet(false, true)) {
      return;
    }
    again.set(false);
    drain().subscribe().with(published -> finished(), failure -> {
      LOG.warnf("outbox relay round failed, will retry: %s", failure.getMessage());
      finished();
    });
  }

  private void finished() {
    running.set(false);
    if (again.get()) {
      nudge();
    }
  }

  private Uni<Void> drain() {
    return pool.withTransaction(this::relayBatch)
        .chain(published -> published == batchSize ? drain() : Uni.createFrom().voidItem());
  }

  private Uni<Integer> relayBatch(SqlConnection connection) {
    return connection.preparedQuery(take).execute(Tuple.of(batchSize)).chain(rows -> {
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
          // a confirm lost with the broker's connection never comes: without a limit this round would hold its
          // transaction and row locks, and keep every later round from starting, for good
          .ifNoItem().after(confirmTimeout).failWith(() -> new TimeoutException("no publisher confirm within " + confirmTimeout))
          .chain(confirmed -> connection.preparedQuery(delete).execute(Tuple.of(ids.toArray(UUID[]::new))))
          .map(deleted -> ids.size());
    });
  }

  private Uni<Void> send(Row row) {
    MessageType<?> type = MessageType.named(row.getString("message_type")).orElseThrow();
    byte[] body = row.getBuffer("body").getBytes();
    return Uni.createFrom().completionStage(
        () -> outbound.send(emitter, body, row.getUUID("id").toString(), row.getString("correlation_id"), type,
            TraceParent.context(row.getString("trace_parent"))));
  }
}
