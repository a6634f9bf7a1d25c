package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.CacheKey;
import dev.strata.agent.domain.llm.CacheOutcome;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Coalesces identical misses inside one replica: the first caller runs the flight, later callers
 * for the same key subscribe to its (memoized) result instead of starting their own.
 */
final class InProcessFlights {

  private final ConcurrentMap<CacheKey, Uni<ChatAnswer>> inFlight = new ConcurrentHashMap<>();

  /** The flight for {@code key}: {@code leader}'s when none is running, else the running one, marked SHARED. */
  Uni<ChatAnswer> join(CacheKey key, Supplier<Uni<ChatAnswer>> leader) {
    AtomicReference<Uni<ChatAnswer>> started = new AtomicReference<>();
    Uni<ChatAnswer> flight = inFlight.computeIfAbsent(key, k -> {
      Uni<ChatAnswer> created = Uni.createFrom().deferred(leader::get)
          .onTermination().invoke(() -> inFlight.remove(k, started.get()))
          .memoize().indefinitely();
      started.set(created);
      return created;
    });
    return flight == started.get() ? flight : flight.map(answer -> answer.as(CacheOutcome.SHARED));
  }

  int running() {
    return inFlight.size();
  }
}
