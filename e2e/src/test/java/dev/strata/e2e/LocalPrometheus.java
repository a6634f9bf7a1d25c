package dev.strata.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.e2e.PackagedServices.Service;
import dev.strata.testing.ObservabilityAsCode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Prometheus (Debian's {@code prometheus} package; {@code bin/strata test} installs it) scraping the
 * packaged services every second and evaluating {@code deploy/observability}'s alert rules every second, so the
 * suite sees an alert fire from the services' real metrics, as an operator's Prometheus would.
 */
final class LocalPrometheus implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalPrometheus(Process process, int port) {
    this.process = process;
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /** Checks the rule files with promtool, then starts Prometheus on a free port with them and waits until it is ready. */
  static LocalPrometheus start(Path runDir) throws IOException, InterruptedException {
    String prometheus = command("prometheus");
    List<String> rules = ObservabilityAsCode.ruleFiles().stream().map(Path::toString).toList();
    check(command("promtool"), rules);
    Path dir = runDir.resolve("prometheus");
    Files.createDirectories(dir);
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, config(rules));
    int port = freePort();
    Process process = new ProcessBuilder(prometheus, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve("logs/prometheus.log").toFile()))
        .start();
    var started = new LocalPrometheus(process, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!started.ready()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        started.close();
        throw new IllegalStateException("Prometheus did not start; see " + runDir.resolve("logs/prometheus.log"));
      }
      Thread.sleep(200);
    }
    return started;
  }

  private static String config(List<String> rules) {
    String jobs = java.util.Arrays.stream(Service.values()).map(service -> """
          - job_name: %s
            metrics_path: /q/metrics
            static_configs:
              - targets: ['127.0.0.1:%d']
        """.formatted(service.module, service.port)).collect(Collectors.joining());
    return """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files:
        %s
        scrape_configs:
        %s""".formatted(rules.stream().map(rule -> "  - '" + rule + "'").collect(Collectors.joining("\n")), jobs);
  }

  private static void check(String promtool, List<String> rules) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(promtool, "check", "rules"));
    command.addAll(rules);
    Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (check.waitFor() != 0) {
      throw new IllegalStateException("promtool check rules failed:\n" + output);
    }
  }

  private static String command(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(name + " is missing: install Debian's prometheus package (bin/infra need prometheus;"
        + " bin/strata test does it)");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private boolean ready() {
    try {
      return http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The alerts now pending or firing ({@code /api/v1/alerts}). */
  JsonNode alerts() {
    return get("/api/v1/alerts").path("data").path("alerts");
  }

  /** Whether an alert of that name fires with every label given ({@code name=value} pairs). */
  boolean firing(String alertName, String... labels) {
    for (JsonNode alert : alerts()) {
      boolean matches = alert.path("labels").path("alertname").asText().equals(alertName)
          && alert.path("state").asText().equals("firing");
      for (int i = 0; matches && i < labels.length; i += 2) {
        matches = alert.path("labels").path(labels[i]).asText().equals(labels[i + 1]);
      }
      if (matches) {
        return true;
      }
    }
    return false;
  }

  /** Every metric name Prometheus has scraped so far. */
  Set<String> metricNames() {
    Set<String> names = new TreeSet<>();
    get("/api/v1/label/__name__/values").path("data").forEach(name -> names.add(name.asText()));
    return names;
  }

  /** The instant query's result vector. */
  JsonNode query(String promql) {
    return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("data").path("result");
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Prometheus answered " + response.statusCode() + " to " + path + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Prometheus did not answer " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
