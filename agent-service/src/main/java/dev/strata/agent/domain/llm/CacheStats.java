package dev.strata.agent.domain.llm;

/**
 * Cache effectiveness: lookups counted by every replica together, footprint as the shared cache
 * reports it.
 *
 * @param hits lookups served from the cache (including answers shared with an in-flight request)
 * @param misses cacheable lookups that had to call the provider
 * @param entries cached answers
 * @param bytes size of the cached payloads
 */
public record CacheStats(long hits, long misses, long entries, long bytes) {

  /** hits / (hits + misses), 0 before the first lookup. */
  public double ratio() {
    long lookups = hits + misses;
    return lookups == 0 ? 0.0 : (double) hits / lookups;
  }
}
