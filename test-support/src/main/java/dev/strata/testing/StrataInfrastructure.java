package dev.strata.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The Quarkus test resource of every service: makes the real servers available (see
 * {@link LocalInfrastructure}), trusts the {@link TestTokens} key, and empties the platform's queues so each run starts from nothing.
 * Tests use RabbitMQ vhost {@value Broker#TEST_VHOST}, Postgres database {@code strata_test} and Redis database 1, so
 * they leave a platform running on the same servers alone.
 * Postgres schemas are cleaned and migrated by Flyway ({@code %test} clean-at-start).
 */
public class StrataInfrastructure implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    Map<String, String> overrides = new HashMap<>(LocalInfrastructure.ensure(LocalInfrastructure.ALL));
    overrides.put("rabbitmq-virtual-host", Broker.TEST_VHOST);
    overrides.put("mp.jwt.verify.publickey.location", TestTokens.publicKeyLocation());
    try (Broker broker = Broker.connect(overrides)) {
      broker.purgeAll();
    } catch (Exception e) {
      throw new IllegalStateException("could not reset the test broker: " + e.getMessage(), e);
    }
    return overrides;
  }

  @Override
  public void stop() {
    // local servers outlive the tests; containers are removed by Testcontainers
  }
}
