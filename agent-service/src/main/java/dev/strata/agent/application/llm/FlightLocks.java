package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.CacheKey;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * Short leases that let one replica at a time call the provider for a given cache key, so
 * identical misses on several replicas cost one provider call. A lease expires by itself, so a
 * crashed holder never blocks others for longer than {@code lease}.
 */
public interface FlightLocks {

  /** True when {@code owner} now holds the lease on {@code key}. */
  Uni<Boolean> tryAcquire(CacheKey key, String owner, Duration lease);

  /** Whether anyone holds the lease on {@code key}. */
  Uni<Boolean> isHeld(CacheKey key);

  /** Releases the lease if {@code owner} still holds it (never someone else's). */
  Uni<Void> release(CacheKey key, String owner);
}
