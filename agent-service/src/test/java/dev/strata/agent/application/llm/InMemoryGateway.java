package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.CacheFootprint;
import dev.strata.agent.domain.llm.CacheKey;
import dev.strata.agent.domain.llm.CacheOutcome;
import dev.strata.agent.domain.llm.ChatCompletion;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory fakes of the gateway's ports: the "Redis" two replicas share, and counting metrics. */
final class InMemoryGateway {

  /** A cache that can be switched off to play an unreachable Redis. */
  static final class Cache implements LlmCache {
    final ConcurrentHashMap<CacheKey, ChatCompletion> entries = new ConcurrentHashMap<>();
    final AtomicBoolean down = new AtomicBoolean();

    private <T> Uni<T> up(java.util.function.Supplier<T> work) {
      return down.get() ? Uni.createFrom().failure(new IllegalStateException("connection refused")) : Uni.createFrom().item(work);
    }

    @Override
    public Uni<Optional<ChatCompletion>> find(CacheKey key) {
      return up(() -> Optional.ofNullable(entries.get(key)));
    }

    @Override
    public Uni<Void> store(CacheKey key, ChatCompletion completion, Duration ttl) {
      return up(() -> entries.put(key, completion)).replaceWithVoid();
    }

    @Override
    public Uni<Boolean> evict(CacheKey key) {
      return up(() -> entries.remove(key) != null);
    }

    @Override
    public Uni<Long> evictModel(String model) {
      return up(() -> entries.keySet().stream().filter(k -> k.model().equals(model)).peek(entries::remove).count());
    }

    @Override
    public Uni<CacheFootprint> footprint() {
      return up(() -> new CacheFootprint(entries.size(), entries.values().stream().mapToLong(c -> c.text().length()).sum()));
    }
  }

  /** Leases in a map; {@code down} mirrors the cache's. */
  static final class Locks implements FlightLocks {
    final ConcurrentHashMap<CacheKey, String> held = new ConcurrentHashMap<>();
    final AtomicBoolean down;

    Locks(AtomicBoolean down) {
      this.down = down;
    }

    @Override
    public Uni<Boolean> tryAcquire(CacheKey key, String owner, Duration lease) {
      return down.get() ? Uni.createFrom().failure(new IllegalStateException("down")) : Uni.createFrom().item(() -> held.putIfAbsent(key, owner) == null);
    }

    @Override
    public Uni<Boolean> isHeld(CacheKey key) {
      return Uni.createFrom().item(() -> held.containsKey(key));
    }

    @Override
    public Uni<Void> release(CacheKey key, String owner) {
      return Uni.createFrom().item(() -> held.remove(key, owner)).replaceWithVoid();
    }
  }

  /** Records outcomes and outages. */
  static final class Metrics implements GatewayMetrics {
    final List<CacheOutcome> outcomes = new CopyOnWriteArrayList<>();
    final AtomicInteger unavailable = new AtomicInteger();

    @Override
    public void answered(CacheOutcome outcome) {
      outcomes.add(outcome);
    }

    @Override
    public void cacheUnavailable(String operation, Throwable cause) {
      unavailable.incrementAndGet();
    }

    @Override
    public long hits() {
      return outcomes.stream().filter(CacheOutcome::servedFromCache).count();
    }

    @Override
    public long misses() {
      return outcomes.stream().filter(o -> o == CacheOutcome.MISS || o == CacheOutcome.DEGRADED).count();
    }
  }

  private InMemoryGateway() {}
}
