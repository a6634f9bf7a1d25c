package dev.strata.agent.adapter.in.rest.llm;

import dev.strata.agent.domain.llm.CacheStats;

/** Answer of {@code GET /llm/cache/stats}; hits and misses are the cluster's (every replica). */
public record CacheStatsView(long hits, long misses, double ratio, long entries, long bytes) {

  static CacheStatsView of(CacheStats stats) {
    return new CacheStatsView(stats.hits(), stats.misses(), stats.ratio(), stats.entries(), stats.bytes());
  }
}
