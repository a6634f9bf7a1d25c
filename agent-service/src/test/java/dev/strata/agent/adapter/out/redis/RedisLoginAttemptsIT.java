package dev.strata.agent.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.domain.egress.Cidr;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The three attempt limits on the real Redis, with small limits of the test's own. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class RedisLoginAttemptsIT {

  @Inject ReactiveRedisDataSource redis;

  private RedisLoginAttempts limits(int perUserAndSource, int perSource, int perUser, List<Cidr> trusted) {
    return new RedisLoginAttempts(redis, new RedisLoginAttempts.Limits(perUserAndSource, perSource, perUser, Duration.ofMinutes(1), trusted),
        Duration.ofSeconds(2));
  }

  private static boolean admit(RedisLoginAttempts attempts, String username, String source) throws Exception {
    return attempts.admit(username, source).toCompletableFuture().get();
  }

  private static String fresh(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void oneSourceGuessingOneUsernameIsStoppedAtTheLimitAndAnotherSourceIsNot() throws Exception {
    var attempts = limits(3, 100, 100, List.of());
    String user = fresh("u");
    for (int i = 0; i < 3; i++) {
      assertThat(admit(attempts, user, "198.51.100.7")).isTrue();
    }
    assertThat(admit(attempts, user, "198.51.100.7")).isFalse();
    assertThat(admit(attempts, user, "198.51.100.8")).as("the user's own address is not locked out by another").isTrue();
  }

  @Test
  void oneSourceSprayingManyUsernamesIsStoppedByThePerSourceLimit() throws Exception {
    var attempts = limits(3, 5, 100, List.of());
    String source = "2001:db8::" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0xffff));
    String prefix = fresh("spray");
    for (int i = 0; i < 5; i++) {
      assertThat(admit(attempts, prefix + i, source)).isTrue();
    }
    assertThat(admit(attempts, prefix + "x", source)).isFalse();
  }

  @Test
  void manySourcesGuessingOneUsernameMeetThePerUserBudgetButATrustedSourceGetsIn() throws Exception {
    var attempts = limits(3, 100, 4, List.of(Cidr.parse("10.9.0.0/16")));
    String user = fresh("admin");
    for (int i = 0; i < 4; i++) {
      assertThat(admit(attempts, user, "192.0.2." + i)).isTrue();
    }
    assertThat(admit(attempts, user, "192.0.2.99")).isFalse();
    assertThat(admit(attempts, user, "10.9.1.1")).as("the operations network is the way back").isTrue();
  }

  @Test
  void aRightPasswordTakesItsAttemptBack() throws Exception {
    var attempts = limits(2, 100, 100, List.of());
    String user = fresh("u");
    for (int i = 0; i < 5; i++) {
      assertThat(admit(attempts, user, "198.51.100.9")).isTrue();
      attempts.succeeded(user, "198.51.100.9").toCompletableFuture().get();
    }
  }
}
