package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.CacheStats;
import io.smallrye.mutiny.Uni;

/** Hit and miss counts of this replica with the shared cache's footprint. */
public final class ReadCacheStats {

  private final LlmCache cache;
  private final GatewayMetrics metrics;

  public ReadCacheStats(LlmCache cache, GatewayMetrics metrics) {
    this.cache = cache;
    this.metrics = metrics;
  }

  /** Fails with {@link LlmUnavailable} when the cache cannot be reached. */
  public Uni<CacheStats> run() {
    return cache.footprint()
        .map(footprint -> new CacheStats(metrics.hits(), metrics.misses(), footprint.entries(), footprint.bytes()))
        .onFailure().transform(failure -> new LlmUnavailable("the LLM cache is unreachable", failure));
  }
}
