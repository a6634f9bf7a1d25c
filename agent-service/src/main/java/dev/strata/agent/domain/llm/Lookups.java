package dev.strata.agent.domain.llm;

/**
 * Cache lookups counted together.
 *
 * @param hits lookups served from the cache (including answers shared with an in-flight request)
 * @param misses cacheable lookups that had to call the provider (including degraded ones)
 */
public record Lookups(long hits, long misses) {

  public static final Lookups NONE = new Lookups(0, 0);

  /** The lookup {@code outcome} stands for; a bypass is no lookup at all. */
  public static Lookups of(CacheOutcome outcome) {
    return switch (outcome) {
      case HIT, SHARED -> new Lookups(1, 0);
      case MISS, DEGRADED -> new Lookups(0, 1);
      case BYPASS -> NONE;
    };
  }

  public boolean isEmpty() {
    return hits == 0 && misses == 0;
  }
}
