package dev.strata.agent.adapter.out.redis;

import dev.strata.agent.application.llm.KeyValueStore;
import dev.strata.agent.application.llm.LlmCache;
import dev.strata.agent.settings.LlmConfig;
import dev.strata.agent.domain.llm.CacheFootprint;
import dev.strata.agent.domain.llm.CacheKey;
import dev.strata.agent.domain.llm.ChatCompletion;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link LlmCache} on Redis: one string per answer under {@code llm:{model}:{sha256}}, expiring by
 * Redis TTL. Lookups and writes give up after {@code llm.cache.timeout} so a hung Redis cannot
 * stall answers; scans (model eviction, footprint) walk keys with SCAN, never KEYS.
 */
@ApplicationScoped
public class RedisLlmCache implements LlmCache {

  private static final int SCAN_BATCH = 500;

  private final KeyValueStore store;
  private final ReactiveKeyCommands<String> keys;
  private final ReactiveValueCommands<String, String> values;
  private final Duration timeout;

  public RedisLlmCache(KeyValueStore store, ReactiveRedisDataSource redis, LlmConfig config) {
    this.store = store;
    this.keys = redis.key(String.class);
    this.values = redis.value(String.class, String.class);
    this.timeout = config.cache().timeout();
  }

  @Override
  public Uni<Optional<ChatCompletion>> find(CacheKey key) {
    return store.getJson(key.value(), CachedCompletion.class)
        .map(found -> found.map(CachedCompletion::toDomain))
        .ifNoItem().after(timeout).fail();
  }

  @Override
  public Uni<Void> store(CacheKey key, ChatCompletion completion, Duration ttl) {
    return store.setJson(key.value(), CachedCompletion.of(completion), ttl).ifNoItem().after(timeout).fail();
  }

  @Override
  public Uni<Boolean> evict(CacheKey key) {
    return store.delete(key.value());
  }

  @Override
  public Uni<Long> evictModel(String model) {
    return entriesMatching(CacheKey.modelPrefix(model) + "*")
        // llm:gpt:* also matches keys of a model named gpt:4; keep only this model's own keys
        .filter(key -> CacheKey.parse(key).model().equals(model))
        .group().intoLists().of(SCAN_BATCH)
        .onItem().transformToUniAndConcatenate(batch -> keys.unlink(batch.toArray(String[]::new)))
        .collect().with(java.util.stream.Collectors.summingLong(Integer::longValue));
  }

  @Override
  public Uni<CacheFootprint> footprint() {
    return entriesMatching(CacheKey.PREFIX + "*")
        .onItem().transformToUni(values::strlen).merge(16)
        .collect().in(() -> new long[2], (totals, length) -> {
          totals[0]++;
          totals[1] += length;
        })
        .map(totals -> new CacheFootprint(totals[0], totals[1]));
  }

  private Multi<String> entriesMatching(String pattern) {
    return keys.scan(new KeyScanArgs().match(pattern).count(SCAN_BATCH)).toMulti()
        .filter(RedisLlmCache::isEntry);
  }

  private static boolean isEntry(String key) {
    try {
      CacheKey.parse(key);
      return true;
    } catch (RuntimeException notAnEntry) {
      return false;
    }
  }
}
