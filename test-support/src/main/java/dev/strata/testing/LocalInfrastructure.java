package dev.strata.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real servers tests run against: the local Postgres, Redis and RabbitMQ on 127.0.0.1 when
 * they answer; Testcontainers when they do not and Docker exists; otherwise one clear failure.
 */
public final class LocalInfrastructure {

  /** One server the platform needs. */
  public record Server(String name, int port, String image) {}

  public static final Server POSTGRES = new Server("Postgres", 5432, "postgres:16-alpine");
  public static final Server REDIS = new Server("Redis", 6379, "redis:7-alpine");
  public static final Server RABBITMQ = new Server("RabbitMQ", 5672, "rabbitmq:3.13-management-alpine");
  public static final List<Server> ALL = List.of(POSTGRES, REDIS, RABBITMQ);

  private static final String HOST = "127.0.0.1";

  private LocalInfrastructure() {}

  /**
   * Makes {@code needed} available and returns config overrides for any that run in containers
   * (empty when all are local).
   */
  public static synchronized Map<String, String> ensure(List<Server> needed) {
    List<Server> missing = needed.stream().filter(server -> !reachable(server.port())).toList();
    if (missing.isEmpty()) {
      return Map.of();
    }
    if (!Containers.dockerAvailable()) {
      throw new IllegalStateException(
          missing.stream().map(s -> s.name() + " (" + HOST + ":" + s.port() + ")").toList()
              + " not reachable and no Docker for Testcontainers: run bin/infra up");
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    missing.forEach(server -> overrides.putAll(Containers.start(server)));
    return overrides;
  }

  public static boolean reachable(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
