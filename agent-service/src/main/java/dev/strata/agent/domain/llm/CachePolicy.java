package dev.strata.agent.domain.llm;

import dev.strata.kernel.error.DomainException;
import java.time.Duration;

/**
 * Which requests are cached and for how long. Only deterministic requests (temperature 0) are
 * cached by default — caching a sampled answer would freeze one random draw — unless the caller
 * sets the explicit cache flag; the flag set to false always wins.
 *
 * @param defaultTtl lifetime of an entry when the request names none
 * @param maxTtl the longest lifetime a caller may ask for
 */
public record CachePolicy(Duration defaultTtl, Duration maxTtl) {

  public CachePolicy {
    if (defaultTtl.compareTo(maxTtl) > 0) {
      throw new IllegalArgumentException("default TTL exceeds the maximum TTL");
    }
  }

  public boolean cacheable(ChatRequest request) {
    if (request.cache() != null) {
      return request.cache();
    }
    return request.temperature() != null && request.temperature() == 0.0;
  }

  /** The lifetime of the request's entry: its own override, bounded, or the default. */
  public Duration ttl(ChatRequest request) {
    if (request.ttl() == null) {
      return defaultTtl;
    }
    if (request.ttl().compareTo(maxTtl) > 0) {
      throw new DomainException.Invalid("ttl must not exceed " + maxTtl.toSeconds() + " seconds");
    }
    return request.ttl();
  }
}
