package dev.strata.agent.adapter.out.redis;

import dev.strata.agent.application.access.Digests;
import dev.strata.agent.domain.access.LoginAttempts;
import dev.strata.agent.domain.egress.Cidr;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@link LoginAttempts} on Redis. One Lua script increments three counters atomically before the
 * password is checked, each expiring one window after its first attempt:
 * {@code login:fail:{sha256(username)}:{sha256(source)}} (the lockout a user meets),
 * {@code login:src:{sha256(source)}} (one address guessing many usernames) and
 * {@code login:user:{sha256(username)}} (many addresses guessing one username; sources in
 * {@link Limits#trustedSources()} are exempt, so an administrator on the operations network always
 * has a way in). Keys hold digests, never a username or address. A right password takes its
 * attempt back from each counter. When Redis does not answer within the timeout, the stage fails.
 */
public class RedisLoginAttempts implements LoginAttempts {

  /** The three limits per window and the sources the per-username limit does not apply to. */
  public record Limits(int perUserAndSource, int perSource, int perUser, Duration window, List<Cidr> trustedSources) {}

  private static final String COUNT = """
      local counts = {}
      for i, key in ipairs(KEYS) do
        local n = redis.call('INCR', key)
        if n == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
        counts[i] = n
      end
      return counts""";
  private static final String GIVE_BACK = """
      for i, key in ipairs(KEYS) do
        if redis.call('EXISTS', key) == 1 then redis.call('DECR', key) end
      end
      return 0""";

  private final ReactiveRedisDataSource redis;
  private final Limits limits;
  private final Duration timeout;

  public RedisLoginAttempts(ReactiveRedisDataSource redis, Limits limits, Duration timeout) {
    this.redis = redis;
    this.limits = limits;
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<Boolean> admit(String username, String source) {
    List<String> keys = keys(username, source);
    return redis.execute("EVAL", COUNT, "3", keys.get(0), keys.get(1), keys.get(2), String.valueOf(limits.window().toMillis()))
        .ifNoItem().after(timeout).fail()
        .map(counts -> within(counts, trusted(source)))
        .subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Void> succeeded(String username, String source) {
    List<String> keys = keys(username, source);
    return redis.execute("EVAL", GIVE_BACK, "3", keys.get(0), keys.get(1), keys.get(2))
        .ifNoItem().after(timeout).fail().replaceWithVoid().subscribeAsCompletionStage();
  }

  private boolean within(Response counts, boolean trusted) {
    return counts.get(0).toLong() <= limits.perUserAndSource() && counts.get(1).toLong() <= limits.perSource()
        && (trusted || counts.get(2).toLong() <= limits.perUser());
  }

  private boolean trusted(String source) {
    try {
      // a literal address (the connection's peer): no lookup happens
      InetAddress address = InetAddress.getByName(source);
      return limits.trustedSources().stream().anyMatch(block -> block.contains(address));
    } catch (UnknownHostException | SecurityException e) {
      return false;
    }
  }

  private static List<String> keys(String username, String source) {
    String user = Digests.sha256(username);
    String from = Digests.sha256(source);
    return List.of("login:fail:" + user + ":" + from, "login:src:" + from, "login:user:" + user);
  }
}
