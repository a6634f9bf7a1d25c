package dev.strata.support.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the service's {@link OutboxRelay}, when it has one (a bean its configuration produces), every poll
 * interval; stopped at shutdown, before the pool closes under a round. It also measures the outbox's backlog
 * every {@code strata.metrics.outbox-poll}, for the gauges {@code strata.outbox.rows} and
 * {@code strata.outbox.oldest.age} (seconds): a relay that cannot publish shows as rows that grow old.
 */
@ApplicationScoped
public class OutboxSchedule {

  private final Instance<OutboxRelay> relay;
  private final Vertx vertx;
  private final MeterRegistry meters;
  private final Duration measureEvery;
  private final AtomicReference<OutboxRelay.Backlog> measured = new AtomicReference<>();
  private volatile long timer = -1;
  private volatile long measuring = -1;

  OutboxSchedule(Instance<OutboxRelay> relay, Vertx vertx, MeterRegistry meters,
      @ConfigProperty(name = "strata.metrics.outbox-poll", defaultValue = "10s") Duration measureEvery) {
    this.relay = relay;
    this.vertx = vertx;
    this.meters = meters;
    this.measureEvery = measureEvery;
  }

  void start(@Observes StartupEvent started) {
    if (relay.isResolvable()) {
      OutboxRelay outbox = relay.get();
      timer = vertx.setPeriodic(outbox.pollInterval().toMillis(), id -> outbox.nudge());
      Gauge.builder("strata.outbox.rows", measured, backlog -> known(backlog, OutboxRelay.Backlog::rows))
          .description("Outbox rows not yet published (NaN while unknown)").strongReference(true).register(meters);
      Gauge.builder("strata.outbox.oldest.age", measured, backlog -> known(backlog, OutboxRelay.Backlog::oldestSeconds))
          .description("Age of the oldest unpublished outbox row (0 when empty, NaN while unknown)").baseUnit("seconds")
          .strongReference(true).register(meters);
      measuring = vertx.setPeriodic(0, measureEvery.toMillis(), id -> outbox.backlog().subscribe().with(
          measured::set, failure -> measured.set(null)));
    }
  }

  private static double known(AtomicReference<OutboxRelay.Backlog> backlog,
      java.util.function.ToDoubleFunction<OutboxRelay.Backlog> value) {
    OutboxRelay.Backlog current = backlog.get();
    return current == null ? Double.NaN : value.applyAsDouble(current);
  }

  void stop(@Observes ShutdownEvent stopping) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    if (measuring >= 0) {
      vertx.cancelTimer(measuring);
    }
  }
}
