package dev.strata.support.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Readiness as metrics, for alerts: Prometheus scrapes {@code /q/metrics}, not {@code /q/health/ready}, so a
 * service that answers but is not ready (its database gone, its DuckDB file unwritable) would look healthy.
 * Every {@code strata.metrics.readiness-poll} this runs the readiness checks and sets {@code strata.readiness}
 * (1 UP, 0 DOWN) and {@code strata.readiness.check} per check name, -1 until the first run.
 */
@ApplicationScoped
public class ReadinessMetrics {

  private static final Logger LOG = Logger.getLogger(ReadinessMetrics.class);

  private final SmallRyeHealthReporter health;
  private final MeterRegistry meters;
  private final Vertx vertx;
  private final Duration poll;
  private final AtomicInteger ready = new AtomicInteger(-1);
  private final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
  private volatile long timer = -1;

  ReadinessMetrics(SmallRyeHealthReporter health, MeterRegistry meters, Vertx vertx,
      @ConfigProperty(name = "strata.metrics.readiness-poll", defaultValue = "10s") Duration poll) {
    this.health = health;
    this.meters = meters;
    this.vertx = vertx;
    this.poll = poll;
  }

  void start(@Observes StartupEvent started) {
    Gauge.builder("strata.readiness", ready, AtomicInteger::get)
        .description("1 while /q/health/ready is UP, 0 while DOWN, -1 before the first check")
        .strongReference(true).register(meters);
    timer = vertx.setPeriodic(0, poll.toMillis(), id -> vertx.executeBlocking(() -> {
      check();
      return null;
    }, false));
  }

  private void check() {
    try {
      SmallRyeHealth answer = health.getReadiness();
      ready.set(answer.isDown() ? 0 : 1);
      for (var check : answer.getPayload().getJsonArray("checks").getValuesAs(JsonObject.class)) {
        checks.computeIfAbsent(check.getString("name"), this::register).set("UP".equals(check.getString("status")) ? 1 : 0);
      }
    } catch (RuntimeException e) {
      ready.set(0);
      LOG.warnf("readiness could not be checked: %s", e.getMessage());
    }
  }

  private AtomicInteger register(String name) {
    AtomicInteger status = new AtomicInteger(-1);
    Gauge.builder("strata.readiness.check", status, AtomicInteger::get)
        .description("1 while this readiness check is UP, 0 while DOWN").tag("check", name)
        .strongReference(true).register(meters);
    return status;
  }

  void stop(@Observes ShutdownEvent stopping) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
