package dev.strata.agent.adapter.out.redis;

import dev.strata.agent.application.access.Digests;
import dev.strata.agent.domain.access.LoginAttempts;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * {@link LoginAttempts} on Redis: {@code INCR login:fail:{sha256(username)}} with an expiry of one
 * window set by the first failure. The key holds a digest, never the username. When Redis does not
 * answer within the timeout, sign-ins are allowed (an outage must not lock out the administrators).
 */
public class RedisLoginAttempts implements LoginAttempts {

  private static final Logger LOG = Logger.getLogger(RedisLoginAttempts.class);

  private final ReactiveValueCommands<String, Long> counters;
  private final ReactiveKeyCommands<String> keys;
  private final int maxFailures;
  private final Duration window;
  private final Duration timeout;

  public RedisLoginAttempts(ReactiveRedisDataSource redis, int maxFailures, Duration window, Duration timeout) {
    this.counters = redis.value(String.class, Long.class);
    this.keys = redis.key(String.class);
    this.maxFailures = maxFailures;
    this.window = window;
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<Boolean> blocked(String username) {
    return counters.get(key(username)).map(count -> count != null && count >= maxFailures)
        .ifNoItem().after(timeout).fail()
        .onFailure().invoke(e -> LOG.warnf("login attempt counter unavailable (%s); allowing", e.getClass().getSimpleName()))
        .onFailure().recoverWithItem(false)
        .subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Void> failed(String username) {
    String key = key(username);
    return counters.incr(key).chain(count -> count == 1 ? keys.pexpire(key, window.toMillis()).replaceWithVoid() : Uni.createFrom().voidItem())
        .ifNoItem().after(timeout).fail()
        .onFailure().recoverWithNull()
        .subscribeAsCompletionStage();
  }

  private static String key(String username) {
    return "login:fail:" + Digests.sha256(username);
  }
}
