package dev.strata.agent.domain.llm;

/** How the gateway answered a request with respect to its cache. */
public enum CacheOutcome {
  /** Served from the cache without calling the provider. */
  HIT,
  /** Not in the cache: the provider answered and the answer was stored. */
  MISS,
  /** An identical request was already in flight (here or on another replica); its answer was reused. */
  SHARED,
  /** Not cacheable (non-deterministic and not forced): the provider answered, nothing was stored. */
  BYPASS,
  /** The cache was unreachable: the provider answered directly. */
  DEGRADED;

  /** Whether the provider was spared a call. */
  public boolean servedFromCache() {
    return this == HIT || this == SHARED;
  }
}
