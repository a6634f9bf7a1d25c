package dev.strata.support.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Runs the service's {@link OutboxRelay}, when it has one (a bean its configuration produces), every poll
 * interval; stopped at shutdown, before the pool closes under a round.
 */
@ApplicationScoped
public class OutboxSchedule {

  private final Instance<OutboxRelay> relay;
  private final Vertx vertx;
  private volatile long timer = -1;

  OutboxSchedule(Instance<OutboxRelay> relay, Vertx vertx) {
    this.relay = relay;
    this.vertx = vertx;
  }

  void start(@Observes StartupEvent started) {
    if (relay.isResolvable()) {
      OutboxRelay outbox = relay.get();
      timer = vertx.setPeriodic(outbox.pollInterval().toMillis(), id -> outbox.nudge());
    }
  }

  void stop(@Observes ShutdownEvent stopping) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
