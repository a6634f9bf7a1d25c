package dev.strata.e2e.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.e2e.EventProducer;
import dev.strata.e2e.PackagedServices;
import dev.strata.e2e.PackagedServices.Service;
import dev.strata.e2e.PlatformClient;
import dev.strata.testing.Broker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every experiment works with: the packaged services, their clients, the stand-in third parties. */
final class Rig implements AutoCloseable {

  static final Map<String, String> BROKER = Map.of("rabbitmq-virtual-host", "strata-e2e",
      "rabbitmq-username", "strata", "rabbitmq-password", "strata");

  final PackagedServices services;
  final PlatformClient api;
  final LocalEndpoints endpoints;
  final Path lake;
  final String tag;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  Rig(PackagedServices services, PlatformClient api, LocalEndpoints endpoints, Path runDir, String tag) {
    this.services = services;
    this.api = api;
    this.endpoints = endpoints;
    this.lake = runDir.resolve("lake");
    this.tag = tag;
  }

  /** The broker user of event producers (bin/infra up makes it). */
  static final String PRODUCER = "strata-producer";

  EventProducer producer() {
    return producer(PRODUCER);
  }

  /** A producer connected as {@code brokerUser}: {@link #PRODUCER} or a service's own user. */
  EventProducer producer(String brokerUser) {
    return new EventProducer("127.0.0.1", 5672, "strata-e2e", brokerUser, "strata");
  }

  Broker broker() {
    return Broker.connect(BROKER);
  }

  static Connection database() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/strata_e2e", "strata", "strata");
  }

  boolean allReady() {
    for (Service service : Service.values()) {
      if (!services.ready(service)) {
        return false;
      }
    }
    return true;
  }

  /** A service's counter from {@code /q/metrics}, summed over the series whose labels contain {@code labels}. */
  double metric(Service service, String name, String labels) {
    try {
      String text = http.send(HttpRequest.newBuilder(service.uri("/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      double sum = 0;
      // OpenMetrics: an exemplar may follow the value ("... 1.0 # {trace_id=...} 1.0 1796619332.199")
      Matcher line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} ([0-9.eE+-]+)", Pattern.MULTILINE).matcher(text);
      while (line.find()) {
        if (line.group(1).contains(labels)) {
          sum += Double.parseDouble(line.group(2));
        }
      }
      return sum;
    } catch (IOException e) {
      throw new IllegalStateException("metrics of " + service.module + " unreadable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A call as a careful client makes it: an answer the service asks to be retried (5xx, 409 for a job
   * still running, 429) or no answer at all is retried with the same idempotency key, for up to 3
   * minutes; every such answer is counted in {@code seen}.
   */
  static JsonNode retrying(Supplier<JsonNode> call, Map<String, AtomicLong> seen) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      try {
        return call.get();
      } catch (PlatformClient.HttpProblem problem) {
        seen.computeIfAbsent(String.valueOf(problem.status), k -> new AtomicLong()).incrementAndGet();
        if (!(problem.status >= 500 || problem.status == 409 || problem.status == 429) || System.nanoTime() > deadline) {
          throw problem;
        }
      } catch (IllegalStateException unreachable) {
        seen.computeIfAbsent("no answer", k -> new AtomicLong()).incrementAndGet();
        if (System.nanoTime() > deadline) {
          throw unreachable;
        }
      }
      Faults.sleep(Duration.ofMillis(500));
    }
  }

  static Map<String, AtomicLong> answers() {
    return new ConcurrentHashMap<>();
  }

  static String describe(Map<String, AtomicLong> seen) {
    if (seen.isEmpty()) {
      return "no retried answers";
    }
    StringBuilder out = new StringBuilder("retried answers:");
    new java.util.TreeMap<>(seen).forEach((status, count) -> out.append(' ').append(status).append('×').append(count.get()));
    return out.toString();
  }

  URI uri(Service service, String path) {
    return service.uri(path);
  }

  @Override
  public void close() {
    endpoints.close();
  }
}
