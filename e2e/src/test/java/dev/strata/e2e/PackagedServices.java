package dev.strata.e2e;

import dev.strata.testing.Broker;
import dev.strata.testing.TestTokens;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four services as an operator runs them: their packaged jars ({@code target/quarkus-app}) as
 * separate processes in the prod profile, on ports 1808x, a database ({@code strata_e2e}), a
 * RabbitMQ vhost ({@code strata-e2e}) and a Redis database (2) of their own, so the suite can run
 * beside a platform started with {@code bin/strata up}.
 */
public final class PackagedServices implements AutoCloseable {

  /** The four services, each on its port. */
  public enum Service {
    INGEST("ingest-service", 18081), WAREHOUSE("warehouse-service", 18082),
    SCORING("scoring-service", 18083), AGENT("agent-service", 18084);

    public final String module;
    public final int port;

    Service(String module, int port) {
      this.module = module;
      this.port = port;
    }

    public URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }
  }

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  static final String ADMIN_PASSWORD = java.util.UUID.randomUUID().toString();
  private final Path runDir;
  private final Map<String, String> extraEnvironment;
  private final Map<Service, Process> processes = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public PackagedServices(Path runDir) {
    this(runDir, Map.of());
  }

  /** @param extraEnvironment settings every service gets on top of the suite's own (a stand-in LLM's URL) */
  public PackagedServices(Path runDir, Map<String, String> extraEnvironment) {
    this.runDir = runDir;
    this.extraEnvironment = Map.copyOf(extraEnvironment);
  }

  public static String adminPassword() {
    return ADMIN_PASSWORD;
  }

  /** Starts the four and waits until they are READY; when one does not come up, stops the ones it started. */
  public void startAll() {
    try {
      for (Service service : Service.values()) {
        start(service);
      }
      for (Service service : Service.values()) {
        awaitReady(service, Duration.ofMinutes(3));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public void start(Service service) {
    Path jar = ROOT.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -B verify builds them before e2e)");
    }
    // a service left over from another run would answer in its place, and this one's readiness would lie
    try (Socket taken = new Socket("127.0.0.1", service.port)) {
      throw new IllegalStateException("port " + service.port + " is taken by another process: cannot start " + service.module);
    } catch (IOException free) {
      // nothing listens there: the port is ours
    }
    try {
      Files.createDirectories(runDir.resolve("logs"));
      ProcessBuilder builder = new ProcessBuilder(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve("logs/" + service.module + ".log").toFile()));
      builder.environment().putAll(environment(service));
      processes.put(service, builder.start());
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + service.module, e);
    }
  }

  /** Stops one service the way Kubernetes does (SIGTERM), then starts it again and waits for READY. */
  public void restart(Service service) {
    stop(service);
    start(service);
    awaitReady(service, Duration.ofMinutes(3));
  }

  public void stop(Service service) {
    Process process = processes.remove(service);
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGKILL, as {@code kill -9} or the OOM killer: no shutdown hook, no drain, nothing settled. */
  public void kill(Service service) {
    Process process = processes.remove(service);
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The service's process id, for sampling its resources. */
  public long pid(Service service) {
    Process process = processes.get(service);
    if (process == null) {
      throw new IllegalStateException(service.module + " is not running");
    }
    return process.pid();
  }

  public void awaitReady(Service service, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      Process process = processes.get(service);
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(service.module + " exited; see " + runDir.resolve("logs/" + service.module + ".log"));
      }
      if (ready(service)) {
        return;
      }
      sleep(500);
    }
    throw new IllegalStateException(service.module + " not ready after " + patience);
  }

  public boolean ready(Service service) {
    try {
      HttpResponse<Void> response = http.send(
          HttpRequest.newBuilder(service.uri("/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Map<String, String> environment(Service service) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port));
    env.put("STRATA_RUN_DIR", runDir.toString());
    env.put("DB_USERNAME", "strata");
    env.put("DB_PASSWORD", "strata");
    env.put("DB_HOST", "127.0.0.1");
    env.put("DB_PORT", "5432");
    env.put("DB_NAME", "strata_e2e");
    env.put("REDIS_URL", "redis://127.0.0.1:6379/2");
    env.put("RABBITMQ_VHOST", "strata-e2e");
    // each service as its own broker user (bin/infra up makes them), so the suite runs the permissions a deployment has
    env.put("RABBITMQ_USERNAME", service.module);
    env.put("STRATA_AUDIT_HMAC_KEY", "e2e-only-audit-hmac-key-of-the-packaged-services");
    // the suite's webhook and third-party stand-ins listen on loopback, which prod's egress policy denies
    env.put("AGENT_EGRESS_ALLOW", "127.0.0.1/32");
    env.put("RABBITMQ_PASSWORD", "strata");
    env.put("WAREHOUSE_URL", "http://127.0.0.1:" + Service.WAREHOUSE.port);
    env.put("SCORING_URL", "http://127.0.0.1:" + Service.SCORING.port);
    env.put("QUARKUS_REST_CLIENT_WAREHOUSE_URL", "http://127.0.0.1:" + Service.WAREHOUSE.port);
    env.put("QUARKUS_REST_CLIENT_SCORING_URL", "http://127.0.0.1:" + Service.SCORING.port);
    // the test machine's key pair (TestTokens): services verify with it, agent-service signs with it
    env.put("STRATA_JWT_PUBLIC_KEY_LOCATION", TestTokens.publicKeyLocation());
    env.put("STRATA_JWT_PRIVATE_KEY_LOCATION", TestTokens.privateKeyLocation());
    // scoring gets its own token from agent-service with it (and renews it) for its calls to warehouse
    env.put("STRATA_SERVICE_SECRET", "e2e-only-service-secret-of-the-packaged-services");
    env.put("AGENT_URL", "http://127.0.0.1:" + Service.AGENT.port);
    env.put("STRATA_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.putAll(extraEnvironment);
    return env;
  }

  /** A clean slate for the packaged services: their own database schemas, queues and run folder. */
  public static void resetStores(Path runDir) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/strata_e2e", "strata", "strata");
        Statement sql = db.createStatement()) {
      sql.execute("DROP SCHEMA IF EXISTS agent CASCADE");
      sql.execute("DROP SCHEMA IF EXISTS ingest CASCADE");
      sql.execute("DROP TABLE IF EXISTS public.flyway_schema_history");
    }
    try (Broker broker = Broker.connect(Map.of("rabbitmq-virtual-host", "strata-e2e",
        "rabbitmq-username", "strata", "rabbitmq-password", "strata"))) {
      broker.purgeAll();
    }
    if (Files.exists(runDir)) {
      try (var paths = Files.walk(runDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    Files.createDirectories(runDir);
  }

  @Override
  public void close() {
    List.copyOf(processes.keySet()).reversed().forEach(this::stop);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
