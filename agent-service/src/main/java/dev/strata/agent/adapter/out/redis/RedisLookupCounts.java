package dev.strata.agent.adapter.out.redis;

import dev.strata.agent.application.llm.LookupCounts;
import dev.strata.agent.settings.LlmConfig;
import dev.strata.agent.domain.llm.Lookups;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.hash.ReactiveTransactionalHashCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * {@link LookupCounts} in one Redis hash, {@code llm-stats} (fields {@code hits}, {@code misses}),
 * added to with HINCRBY so replicas never overwrite each other. It does not expire: the counts are
 * the cluster's since the hash was created (a cache flush with FLUSHDB resets them).
 */
@ApplicationScoped
public class RedisLookupCounts implements LookupCounts {

  static final String KEY = "llm-stats";

  private final ReactiveRedisDataSource redis;
  private final ReactiveHashCommands<String, String, Long> hashes;
  private final Duration timeout;

  public RedisLookupCounts(ReactiveRedisDataSource redis, LlmConfig config) {
    this.redis = redis;
    this.hashes = redis.hash(String.class, String.class, Long.class);
    this.timeout = config.cache().timeout();
  }

  @Override
  public Uni<Void> add(Lookups lookups) {
    // MULTI/EXEC: both fields or neither, so a failed flush can be retried without counting twice
    return redis.withTransaction(tx -> {
          ReactiveTransactionalHashCommands<String, String, Long> counts = tx.hash(String.class, String.class, Long.class);
          return counts.hincrby(KEY, "hits", lookups.hits()).chain(() -> counts.hincrby(KEY, "misses", lookups.misses()));
        })
        .replaceWithVoid()
        .ifNoItem().after(timeout).fail();
  }

  @Override
  public Uni<Lookups> read() {
    return hashes.hgetall(KEY)
        .map(fields -> new Lookups(fields.getOrDefault("hits", 0L), fields.getOrDefault("misses", 0L)))
        .ifNoItem().after(timeout).fail();
  }
}
