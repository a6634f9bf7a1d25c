package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.CacheStats;
import io.smallrye.mutiny.Uni;

/** Hit and miss counts of the whole cluster with the shared cache's footprint. */
public final class ReadCacheStats {

  private final LlmCache cache;
  private final ClusterLookups lookups;

  public ReadCacheStats(LlmCache cache, ClusterLookups lookups) {
    this.cache = cache;
    this.lookups = lookups;
  }

  /** Fails with {@link LlmUnavailable} when the cache cannot be reached. */
  public Uni<CacheStats> run() {
    return Uni.combine().all().unis(lookups.read(), cache.footprint())
        .with((counts, footprint) -> new CacheStats(counts.hits(), counts.misses(), footprint.entries(), footprint.bytes()))
        .onFailure().transform(failure -> new LlmUnavailable("the LLM cache is unreachable", failure));
  }
}
