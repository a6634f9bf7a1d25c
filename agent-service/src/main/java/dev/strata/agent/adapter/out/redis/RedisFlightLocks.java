package dev.strata.agent.adapter.out.redis;

import dev.strata.agent.application.llm.FlightLocks;
import dev.strata.agent.settings.LlmConfig;
import dev.strata.agent.domain.llm.CacheKey;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * {@link FlightLocks} as Redis leases: {@code SET llm-lock:{model}:{sha256} owner NX PX lease} to
 * take one, a compare-and-delete script to release only one's own. The lock prefix differs from
 * the cache's {@code llm:} so scans of cache entries never see locks.
 */
@ApplicationScoped
public class RedisFlightLocks implements FlightLocks {

  private static final String RELEASE =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

  private final ReactiveRedisDataSource redis;
  private final Duration timeout;

  public RedisFlightLocks(ReactiveRedisDataSource redis, LlmConfig config) {
    this.redis = redis;
    this.timeout = config.cache().timeout();
  }

  @Override
  public Uni<Boolean> tryAcquire(CacheKey key, String owner, Duration lease) {
    return redis.execute("SET", lockKey(key), owner, "NX", "PX", Long.toString(lease.toMillis()))
        .map(reply -> reply != null)
        .ifNoItem().after(timeout).fail();
  }

  @Override
  public Uni<Boolean> isHeld(CacheKey key) {
    return redis.key(String.class).exists(lockKey(key)).ifNoItem().after(timeout).fail();
  }

  @Override
  public Uni<Void> release(CacheKey key, String owner) {
    return redis.execute("EVAL", RELEASE, "1", lockKey(key), owner).replaceWithVoid();
  }

  static String lockKey(CacheKey key) {
    return "llm-lock:" + key.model() + ":" + key.sha256();
  }
}
