package dev.strata.agent.domain.llm;

/**
 * What the cache holds right now.
 *
 * @param entries number of cached answers
 * @param bytes total size of the cached payloads (values, not Redis overhead)
 */
public record CacheFootprint(long entries, long bytes) {}
