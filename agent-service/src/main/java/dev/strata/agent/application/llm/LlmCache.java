package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.CacheFootprint;
import dev.strata.agent.domain.llm.CacheKey;
import dev.strata.agent.domain.llm.ChatCompletion;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers already given, shared by every replica. Any operation may fail when the store is
 * unreachable; callers treat that as a miss and carry on (the cache is an optimisation).
 */
public interface LlmCache {

  Uni<Optional<ChatCompletion>> find(CacheKey key);

  Uni<Void> store(CacheKey key, ChatCompletion completion, Duration ttl);

  /** Removes one entry; true when it existed. */
  Uni<Boolean> evict(CacheKey key);

  /** Removes every entry of {@code model}; the number removed. */
  Uni<Long> evictModel(String model);

  Uni<CacheFootprint> footprint();
}
