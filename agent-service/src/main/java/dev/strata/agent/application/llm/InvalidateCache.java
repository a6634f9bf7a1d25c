package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.CacheKey;
import dev.strata.agent.domain.llm.ModelName;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;

/** Removes cached answers: one entry by key, or every entry of a model (e.g. after a model upgrade). */
public final class InvalidateCache {

  private final LlmCache cache;

  public InvalidateCache(LlmCache cache) {
    this.cache = cache;
  }

  /** Fails with NotFound when the entry does not exist. */
  public Uni<Void> entry(String key) {
    return Uni.createFrom().item(() -> CacheKey.parse(key))
        .chain(parsed -> cache.evict(parsed).invoke(existed -> {
          if (!existed) {
            throw new DomainException.NotFound("no cached answer under " + parsed.value());
          }
        }))
        .replaceWithVoid();
  }

  /** The number of entries removed. */
  public Uni<Long> model(String model) {
    return Uni.createFrom().deferred(() -> cache.evictModel(ModelName.require(model)));
  }
}
