package dev.strata.testing;

import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** The Testcontainers path, for machines with Docker and without the local servers. */
final class Containers {

  private Containers() {}

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // lives for the JVM; Ryuk removes it afterwards
  static Map<String, String> start(LocalInfrastructure.Server server) {
    GenericContainer<?> container = new GenericContainer<>(server.image()).withExposedPorts(server.port());
    if (server == LocalInfrastructure.POSTGRES) {
      container.withEnv(Map.of("POSTGRES_USER", "strata", "POSTGRES_PASSWORD", "strata", "POSTGRES_DB", "strata_test"))
          .waitingFor(Wait.forLogMessage(".*ready to accept connections.*", 2));
    }
    if (server == LocalInfrastructure.RABBITMQ) {
      // the user the tests publish as and the services trust in %test (strata.messaging.trusted-publishers)
      container.withEnv(Map.of("RABBITMQ_DEFAULT_VHOST", Broker.TEST_VHOST,
          "RABBITMQ_DEFAULT_USER", "strata", "RABBITMQ_DEFAULT_PASS", "strata"));
    }
    container.start();
    String hostPort = container.getHost() + ":" + container.getMappedPort(server.port());
    return switch (server.name()) {
      case "Postgres" -> Map.of(
          "quarkus.datasource.reactive.url", "postgresql://" + hostPort + "/strata_test",
          "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort + "/strata_test");
      case "Redis" -> Map.of("quarkus.redis.hosts", "redis://" + hostPort + "/1");
      default -> Map.of(
          "rabbitmq-host", container.getHost(),
          "rabbitmq-port", String.valueOf(container.getMappedPort(server.port())),
          "rabbitmq-username", "strata",
          "rabbitmq-password", "strata");
    };
  }
}
