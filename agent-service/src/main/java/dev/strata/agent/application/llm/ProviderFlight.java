package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.CacheKey;
import dev.strata.agent.domain.llm.CacheOutcome;
import dev.strata.agent.domain.llm.ChatCompletion;
import dev.strata.agent.domain.llm.ChatRequest;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * One provider call for a cache miss, coordinated across replicas: the replica that gets the
 * key's lease calls the provider and stores the answer; the others wait for that answer to appear
 * in the cache. Whoever waits longer than the lease, or sees the lease vanish without an answer
 * (the holder failed), calls the provider itself — the lock is an optimisation, never a gate.
 */
public final class ProviderFlight {

  /** Another replica still holds the lease and has not stored its answer yet. */
  private static final class StillRunning extends RuntimeException {
    StillRunning() {
      super(null, null, false, false);
    }
  }

  private static final Duration FIRST_POLL = Duration.ofMillis(25);
  private static final Duration LONGEST_POLL = Duration.ofMillis(500);

  private final LlmProvider provider;
  private final LlmCache cache;
  private final FlightLocks locks;
  private final GatewayMetrics metrics;
  private final Duration lease;

  /** {@code lease} must outlast a provider call including its retries. */
  public ProviderFlight(LlmProvider provider, LlmCache cache, FlightLocks locks, GatewayMetrics metrics, Duration lease) {
    this.provider = provider;
    this.cache = cache;
    this.locks = locks;
    this.metrics = metrics;
    this.lease = lease;
  }

  /** Calls the provider without touching the cache. */
  Uni<ChatAnswer> direct(ChatRequest request, CacheKey key, CacheOutcome outcome) {
    return provider.complete(request).map(completion -> new ChatAnswer(completion, outcome, key));
  }

  /** Answers a miss: leads the flight when this replica gets the lease, otherwise follows it. */
  Uni<ChatAnswer> lead(ChatRequest request, CacheKey key, Duration ttl) {
    String owner = UUID.randomUUID().toString();
    return locks.tryAcquire(key, owner, lease)
        .onFailure().recoverWithItem(failure -> {
          metrics.cacheUnavailable("lock", failure);
          return null;
        })
        .chain(acquired -> {
          if (acquired == null) {
            return direct(request, key, CacheOutcome.DEGRADED);
          }
          if (acquired) {
            return fetchAndStore(request, key, ttl).eventually(() -> release(key, owner));
          }
          return follow(request, key, ttl);
        });
  }

  private Uni<ChatAnswer> follow(ChatRequest request, CacheKey key, Duration ttl) {
    return Uni.createFrom().deferred(() -> peek(key))
        .onFailure(StillRunning.class).retry().withBackOff(FIRST_POLL, LONGEST_POLL).expireIn(lease.toMillis())
        .onFailure(StillRunning.class).recoverWithItem(Optional.empty())
        .onFailure().recoverWithItem(failure -> {
          metrics.cacheUnavailable("await", failure);
          return null;
        })
        .chain(found -> {
          if (found == null) {
            return direct(request, key, CacheOutcome.DEGRADED);
          }
          return found.map(completion -> Uni.createFrom().item(new ChatAnswer(completion, CacheOutcome.SHARED, key)))
              .orElseGet(() -> fetchAndStore(request, key, ttl));
        });
  }

  /** The stored answer; empty when the lease is gone without one; StillRunning while it is held. */
  private Uni<Optional<ChatCompletion>> peek(CacheKey key) {
    return cache.find(key).chain(found -> found.isPresent()
        ? Uni.createFrom().item(found)
        // the holder stores before it releases, so once the lease is gone a last look is conclusive
        : locks.isHeld(key).chain(held -> held ? Uni.createFrom().failure(new StillRunning()) : cache.find(key)));
  }

  private Uni<ChatAnswer> fetchAndStore(ChatRequest request, CacheKey key, Duration ttl) {
    return provider.complete(request)
        .call(completion -> cache.store(key, completion, ttl).onFailure().recoverWithItem(failure -> {
          metrics.cacheUnavailable("store", failure);
          return null;
        }))
        .map(completion -> new ChatAnswer(completion, CacheOutcome.MISS, key));
  }

  private Uni<Void> release(CacheKey key, String owner) {
    return locks.release(key, owner).onFailure().recoverWithItem(failure -> {
      // the lease expires on its own; a failed release only delays followers
      metrics.cacheUnavailable("unlock", failure);
      return null;
    });
  }
}
