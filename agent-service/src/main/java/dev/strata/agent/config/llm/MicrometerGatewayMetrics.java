package dev.strata.agent.config.llm;

import dev.strata.agent.application.llm.ClusterLookups;
import dev.strata.agent.application.llm.GatewayMetrics;
import dev.strata.agent.application.llm.LlmCache;
import dev.strata.agent.domain.llm.CacheFootprint;
import dev.strata.agent.domain.llm.CacheOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * {@link GatewayMetrics} on Micrometer: {@code llm_cache_requests_total{outcome}},
 * {@code llm_cache_unavailable_total{operation}}, and gauges {@code llm_cache_hit_ratio},
 * {@code llm_cache_entries}, {@code llm_cache_bytes} (the last two refreshed from Redis on a
 * schedule, so a scrape never waits on Redis). The counters are this replica's (Prometheus sums
 * replicas); each answer is also counted for the cluster ({@link ClusterLookups}), whose counts are
 * flushed to Redis every {@code llm.cache.stats-flush}. Cache outages are logged at most once a minute with
 * the number of failures in between — never with keys or prompt text.
 */
@ApplicationScoped
public class MicrometerGatewayMetrics implements GatewayMetrics {

  private static final Logger LOG = Logger.getLogger(MicrometerGatewayMetrics.class);
  private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final MeterRegistry registry;
  private final LlmCache cache;
  private final ClusterLookups cluster;
  private final Map<CacheOutcome, Counter> answered = new EnumMap<>(CacheOutcome.class);
  private final AtomicReference<CacheFootprint> footprint = new AtomicReference<>(new CacheFootprint(0, 0));
  private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
  private final AtomicLong unlogged = new AtomicLong();

  public MicrometerGatewayMetrics(MeterRegistry registry, LlmCache cache, ClusterLookups cluster) {
    this.registry = registry;
    this.cache = cache;
    this.cluster = cluster;
    for (CacheOutcome outcome : CacheOutcome.values()) {
      answered.put(outcome, Counter.builder("llm.cache.requests").tag("outcome", outcome.name().toLowerCase())
          .description("LLM gateway requests by cache outcome").register(registry));
    }
    // strong references: registry.gauge(...) holds its object weakly, and a collected one vanishes from the scrape
    Gauge.builder("llm.cache.hit.ratio", this, metrics -> ratio(metrics.hits(), metrics.misses()))
        .strongReference(true).register(registry);
    Gauge.builder("llm.cache.entries", footprint, current -> current.get().entries()).strongReference(true).register(registry);
    Gauge.builder("llm.cache.bytes", footprint, current -> current.get().bytes()).strongReference(true).register(registry);
  }

  @Override
  public void answered(CacheOutcome outcome) {
    answered.get(outcome).increment();
    cluster.count(outcome);
  }

  @Override
  public void cacheUnavailable(String operation, Throwable cause) {
    registry.counter("llm.cache.unavailable", "operation", operation).increment();
    long missed = unlogged.incrementAndGet();
    long last = lastLog.get();
    long now = System.nanoTime();
    if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
      unlogged.addAndGet(-missed);
      LOG.warnf("LLM cache unavailable (%s during %s); answering without it; %d cache failure(s) since the last report",
          cause.getClass().getSimpleName(), operation, missed);
    }
  }

  @Override
  public long hits() {
    return count(CacheOutcome.HIT) + count(CacheOutcome.SHARED);
  }

  @Override
  public long misses() {
    return count(CacheOutcome.MISS) + count(CacheOutcome.DEGRADED);
  }

  @Scheduled(every = "${llm.cache.footprint-refresh:60s}", delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refreshFootprint() {
    return cache.footprint().invoke(footprint::set).replaceWithVoid()
        .onFailure().recoverWithItem(failure -> {
          cacheUnavailable("footprint", failure);
          return null;
        });
  }

  /** Hands this replica's latest counts to the cluster's; on failure they wait for the next run. */
  @Scheduled(every = "${llm.cache.stats-flush:1s}", delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> flushClusterCounts() {
    return cluster.flush().onFailure().recoverWithItem(failure -> {
      cacheUnavailable("stats", failure);
      return null;
    });
  }

  private long count(CacheOutcome outcome) {
    return (long) answered.get(outcome).count();
  }

  private static double ratio(long hits, long misses) {
    return hits + misses == 0 ? 0.0 : (double) hits / (hits + misses);
  }
}
