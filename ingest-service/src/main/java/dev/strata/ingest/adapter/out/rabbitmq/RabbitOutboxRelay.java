package dev.strata.ingest.adapter.out.rabbitmq;

import dev.strata.ingest.config.IngestConfig;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.support.messaging.OutboundMessages;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Relays the outbox to RabbitMQ: rows are locked ({@code SKIP LOCKED}, so replicas share the work),
 * published with publisher confirms and marked sent in the same transaction. A crash between the
 * confirm and the commit re-sends a message; consumers de-duplicate on its {@code messageId}. A
 * publish that fails or is not confirmed within {@code ingest.outbox.confirm-timeout} rolls the round
 * back: its rows are released for the next round.
 */
@ApplicationScoped
public class RabbitOutboxRelay {

  private static final Logger LOG = Logger.getLogger(RabbitOutboxRelay.class);
  private static final String PENDING = """
      SELECT message_id, message_type, correlation_id, body FROM outbox
      WHERE sent_at IS NULL ORDER BY created_at LIMIT 200 FOR UPDATE SKIP LOCKED""";

  private final Pool pool;
  private final Emitter<byte[]> emitter;
  private final OutboundMessages outbound;
  private final Duration confirmTimeout;
  private final AtomicBoolean running = new AtomicBoolean();

  RabbitOutboxRelay(Pool pool, @Channel("dataset-ingested") Emitter<byte[]> emitter, OutboundMessages outbound,
      IngestConfig config) {
    this.pool = pool;
    this.emitter = emitter;
    this.outbound = outbound;
    this.confirmTimeout = config.outbox().confirmTimeout();
  }

  /** Relays now, without waiting for the next scheduled run. */
  public void nudge() {
    relay().subscribe().with(sent -> { }, failure -> LOG.warnf("outbox relay failed: %s", failure.getMessage()));
  }

  // the first round waits one period: fired at start-up, it could come before the emitter's channel is
  // wired and fail outside the Uni (a scheduler ERROR, "Unable to connect an emitter")
  @Scheduled(every = "${ingest.outbox.relay-every}", delayed = "${ingest.outbox.relay-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return relay().onFailure().invoke(failure -> LOG.warnf("outbox relay failed: %s", failure.getMessage()))
        .onFailure().recoverWithNull().replaceWithVoid();
  }

  /** Sends every unsent message; the item is how many were sent. */
  public Uni<Integer> relay() {
    if (!running.compareAndSet(false, true)) {
      return Uni.createFrom().item(0);
    }
    return pool.withTransaction(connection -> connection.query(PENDING).execute().flatMap(rows -> {
          List<Uni<UUID>> sends = new ArrayList<>();
          rows.forEach(row -> sends.add(send(row)));
          if (sends.isEmpty()) {
            return Uni.createFrom().item(0);
          }
          return Uni.join().all(sends).andFailFast()
              // a confirm lost with the broker's connection never comes: without a limit this round would hold
              // its transaction and row locks, and keep every later round from starting, for good
              .ifNoItem().after(confirmTimeout).failWith(() -> new TimeoutException("no publisher confirm within " + confirmTimeout))
              .flatMap(ids -> connection
              .preparedQuery("UPDATE outbox SET sent_at = now() WHERE message_id = ANY($1)")
              .execute(Tuple.of(ids.toArray(UUID[]::new))).replaceWith(ids.size()));
        }))
        .eventually(() -> running.set(false));
  }

  private Uni<UUID> send(Row row) {
    UUID id = row.getUUID("message_id");
    MessageType<?> type = MessageType.named(row.getString("message_type")).orElseThrow();
    return Uni.createFrom().completionStage(() ->
            outbound.send(emitter, row.getBuffer("body").getBytes(), id.toString(), row.getString("correlation_id"), type))
        .replaceWith(id);
  }
}
