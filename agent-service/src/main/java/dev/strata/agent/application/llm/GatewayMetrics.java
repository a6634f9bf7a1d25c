package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.CacheOutcome;

/** What the gateway reports about itself (counters for dashboards and the stats endpoint). */
public interface GatewayMetrics {

  /** One request answered with {@code outcome}. */
  void answered(CacheOutcome outcome);

  /**
   * The cache store failed during {@code operation}; the gateway carried on without it. The
   * implementation counts every occurrence but logs only now and then, so an outage cannot flood
   * the log.
   */
  void cacheUnavailable(String operation, Throwable cause);

  /** Lookups served from the cache on this replica since start. */
  long hits();

  /** Cacheable lookups that went to the provider on this replica since start. */
  long misses();
}
