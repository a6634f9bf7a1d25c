package dev.strata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.e2e.PackagedServices.Service;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.Broker;
import dev.strata.testing.ObservabilityAsCode;
import dev.strata.testing.TestTokens;
import dev.strata.testing.WebhookReceiver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The retention story against the packaged services, over HTTP and AMQP only, with every service
 * restarted once mid-story: nothing published is lost or counted twice. Last, ingest-service is
 * stopped in the middle of an upload, which is still answered. A real Prometheus scrapes the services
 * throughout with {@code deploy/observability}'s alert rules: a poison message fires the dead-letter
 * alert, and every metric the dashboards and alerts name is one it scraped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformStoryIT {

  private static final Path RUN_DIR = Path.of("target/e2e-run").toAbsolutePath();
  private static final String HOOK = "/hook";
  private static final String RUN_TAG = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
  private static PackagedServices services;
  private static LocalPrometheus prometheus;
  private static LocalTraceCollector traces;
  private static PlatformClient api;
  private static EventProducer producer;
  private static WebhookReceiver webhook;
  private static RetentionStory story;
  private static RetentionStory.Published bars;
  private static RetentionStory.Published usage;

  @BeforeAll
  static void startThePlatform() throws Exception {
    PackagedServices.resetStores(RUN_DIR);
    traces = new LocalTraceCollector();
    services = new PackagedServices(RUN_DIR, traces.exporterEnvironment());
    services.startAll();
    prometheus = LocalPrometheus.start(RUN_DIR);
    api = new PlatformClient(Map.of(
        "ingest", "http://127.0.0.1:" + Service.INGEST.port, "warehouse", "http://127.0.0.1:" + Service.WAREHOUSE.port,
        "scoring", "http://127.0.0.1:" + Service.SCORING.port, "agent", "http://127.0.0.1:" + Service.AGENT.port));
    api.useToken(TestTokens.token(Roles.ADMIN));
    producer = new EventProducer("127.0.0.1", 5672, "strata-e2e", "strata-producer", "strata");
    webhook = new WebhookReceiver();
    story = new RetentionStory(api, producer, line -> System.out.println("[e2e] " + line));
  }

  @AfterAll
  static void stopThePlatform() throws Exception {
    if (producer != null) {
      producer.close();
    }
    if (webhook != null) {
      webhook.close();
    }
    if (services != null) {
      services.close();
    }
    if (prometheus != null) {
      prometheus.close();
    }
    if (traces != null) {
      traces.close();
    }
  }

  @Test
  @Order(1)
  void barsPublishedByAPlainAmqpClientReachGoldOnceEachAcrossAnIngestRestart() {
    bars = story.publishBars(RUN_TAG);
    services.restart(Service.INGEST);
    story.awaitPromotion(bars.jobIds(), Duration.ofMinutes(4));

    JsonNode layers = api.get("warehouse", "/ops/layers");
    assertThat(layers.at("/silver/bars").asLong()).isEqualTo(bars.rows());
  }

  @Test
  @Order(2)
  void customersAndUsageArePromotedAcrossAWarehouseRestart() {
    JsonNode imported = story.importCustomers();
    assertThat(imported.toString()).contains("5634");
    usage = story.publishUsage(RUN_TAG, LocalDate.now(ZoneOffset.UTC));
    services.restart(Service.WAREHOUSE);
    story.awaitPromotion(usage.jobIds(), Duration.ofMinutes(5));

    JsonNode layers = api.get("warehouse", "/ops/layers");
    assertThat(layers.at("/silver/usage").asLong()).isEqualTo(usage.rows());
    assertThat(layers.at("/silver/customers").asLong()).isEqualTo(5634);
  }

  @Test
  @Order(3)
  void modelsTrainedOnGoldFeaturesSurviveAScoringRestart() {
    JsonNode churn = story.train("churn_model", Duration.ofMinutes(3));
    JsonNode risk = story.train("risk_model", Duration.ofMinutes(3));
    assertThat(churn.at("/metrics/auc").asDouble()).isGreaterThan(0.75);
    assertThat(risk.path("state").asText()).isEqualTo("SUCCEEDED");

    services.restart(Service.SCORING);

    JsonNode scores = story.scoreAllActive();
    assertThat(scores.path("scores").size()).isGreaterThan(3000);
    assertThat(scores.path("models").path("churn_model").asText()).isEqualTo(churn.path("version").asText());
    List<Double> probabilities = new ArrayList<>();
    scores.path("scores").forEach(s -> probabilities.add(s.path("churnProbability").asDouble()));
    assertThat(probabilities).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
  }

  @Test
  @Order(4)
  void everyCustomerIsScoredByIdInOneRequestThroughTheWarehouse() {
    List<String> everyId = new ArrayList<>();
    api.get("warehouse", "/customers?limit=10000").forEach(customer -> everyId.add(customer.path("customerId").asText()));
    assertThat(everyId).hasSize(5634);
    Set<String> active = new TreeSet<>();
    story.scoreAllActive().path("scores").forEach(s -> active.add(s.path("customerId").asText()));

    JsonNode byId = api.post("scoring", "/scores/customers", Map.of("customerIds", everyId));

    Set<String> scored = new TreeSet<>();
    byId.path("scores").forEach(s -> scored.add(s.path("customerId").asText()));
    assertThat(scored).containsAll(active).isSubsetOf(everyId);
  }

  @Test
  @Order(5)
  void barsPostedOverHttpAreOneTraceFromTheRequestToTheWarehousePromotion() {
    String traceId = newTraceId();
    String jobId = "trace-" + RUN_TAG;
    String bars = "[" + String.join(",", List.of(
        "{\"ts\":\"2024-01-02T14:30:00Z\",\"open\":10,\"high\":11,\"low\":9,\"close\":10.5,\"volume\":100}",
        "{\"ts\":\"2024-01-02T14:31:00Z\",\"open\":10.5,\"high\":11,\"low\":10,\"close\":10.8,\"volume\":120}")) + "]";

    api.send("ingest", "POST", "/bars?symbol=TRACE&frame=1m&jobId=" + jobId, "application/json", bars,
        Map.of("traceparent", traceParent(traceId)));
    story.awaitPromotion(List.of(jobId), Duration.ofMinutes(2));

    List<LocalTraceCollector.ExportedSpan> trace = awaitSpans(traceId, Map.of(
        "ingest-service", "POST /bars", "warehouse-service", "dataset.ingested process"));
    System.out.println("[e2e] the bar's trace " + traceId + ":");
    trace.forEach(span -> System.out.println("[e2e]   " + span));
  }

  @Test
  @Order(6)
  void aWorkflowStartIsOneTraceThroughItsStepsTheServicesTheyCallAndItsAudit() {
    String traceId = newTraceId();
    Map<String, Object> workflow = Map.of("name", "traced " + UUID.randomUUID(), "steps", List.of(
        Map.of("id", "top", "kind", "warehouse-query", "params", Map.of("query", "at-risk-customers", "params", Map.of("limit", 3))),
        Map.of("id", "scores", "kind", "score", "params", Map.of("customerIds", "{{steps.top.customer_id}}"))));
    String workflowId = api.post("agent", "/workflows", workflow).path("id").asText();

    String executionId = api.send("agent", "POST", "/workflows/" + workflowId + "/executions", "application/json", "{\"input\":{}}",
        Map.of("Idempotency-Key", UUID.randomUUID().toString(), "traceparent", traceParent(traceId))).path("id").asText();
    RetentionStory.awaitTrue(Duration.ofMinutes(2), Duration.ofMillis(500),
        () -> api.get("agent", "/executions/" + executionId).path("status").asText().equals("SUCCEEDED"),
        "execution " + executionId + " did not succeed");

    List<LocalTraceCollector.ExportedSpan> trace = awaitSpans(traceId, Map.of(
        "agent-service", "workflow.execute process",
        "warehouse-service", "POST /queries/{name}",
        "scoring-service", "POST /scores/customers"));
    assertThat(trace).extracting(LocalTraceCollector.ExportedSpan::name)
        .contains("step warehouse-query", "step score", "audit.log process");
    System.out.println("[e2e] the execution's trace " + traceId + ":");
    trace.forEach(span -> System.out.println("[e2e]   " + span));
  }

  @Test
  @Order(7)
  void theRetentionReviewRunsOnceAcrossAnAgentRestartAndTheAuditChainVerifies() {
    JsonNode execution = story.runRetentionReview(webhook.url(HOOK), false, Duration.ofMinutes(2));
    assertThat(execution.path("status").asText()).isEqualTo("SUCCEEDED");
    RetentionStory.awaitTrue(Duration.ofSeconds(30), Duration.ofMillis(200), () -> webhook.calls(HOOK).size() == 1, "no notification");

    services.restart(Service.AGENT);

    assertThat(webhook.calls(HOOK)).hasSize(1);
    assertThat(webhook.calls(HOOK).getFirst().body()).contains("Retention review").contains("C");
    JsonNode checkpoints = api.get("agent", "/executions/" + execution.path("id").asText() + "/checkpoints");
    assertThat(checkpoints.toString()).contains("top", "scores", "draft", "tell");
    String audited = "/audit?resource=" + java.net.URLEncoder.encode("execution " + execution.path("id").asText(), StandardCharsets.UTF_8);
    RetentionStory.awaitTrue(Duration.ofSeconds(30), Duration.ofMillis(250),
        () -> api.get("agent", audited).path("items").size() == 1, "the execution's end was not audited once");
    assertThat(api.get("agent", audited).at("/items/0/action").asText()).isEqualTo("run-workflow");
    assertThat(api.get("agent", "/audit/verify").path("status").asText()).isEqualTo("OK");
  }

  @Test
  @Order(8)
  void aPoisonMessageEndsInItsDeadLetterQueueAndFiresTheDeadLetterAlert() throws Exception {
    assertThat(prometheus.firing("StrataDeadLetterQueueGrowing", "queue", Queues.INGEST_USAGE))
        .as("the dead-letter alert fires before any poison").isFalse();
    try (Broker broker = Broker.connect(Map.of("rabbitmq-virtual-host", "strata-e2e",
        "rabbitmq-username", "strata", "rabbitmq-password", "strata"))) {
      long before = broker.depth(Queues.deadLetterQueue(Queues.INGEST_USAGE));
      producer.publishRaw(Queues.INGEST_USAGE, "{\"not\": json".getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
      RetentionStory.awaitTrue(Duration.ofSeconds(30), Duration.ofMillis(250), () -> {
        try {
          return broker.depth(Queues.deadLetterQueue(Queues.INGEST_USAGE)) == before + 1;
        } catch (IOException e) {
          return false;
        }
      }, "poison message not dead-lettered");
    }
    RetentionStory.awaitTrue(Duration.ofSeconds(60), Duration.ofMillis(500),
        () -> prometheus.firing("StrataDeadLetterQueueGrowing", "queue", Queues.INGEST_USAGE, "job", "ingest-service",
            "reason", "undecodable", "severity", "page"),
        "Prometheus did not fire StrataDeadLetterQueueGrowing for ingest.usage; alerts: " + prometheus.alerts());
    // the consumer's log lines about it carry the trace of its delivery (JSON logs: in their mdc)
    assertThat(Files.readAllLines(RUN_DIR.resolve("logs/ingest-service.log")))
        .filteredOn(line -> line.contains("message on " + Queues.INGEST_USAGE + " undecodable"))
        .isNotEmpty()
        .allMatch(line -> line.matches(".*\"mdc\":\\{[^}]*\"traceId\":\"[0-9a-f]{32}\".*"), "carries a trace id");
  }

  @Test
  @Order(9)
  void anUploadInProgressWhenIngestIsStoppedIsAnsweredBeforeTheServiceExits() throws Exception {
    String jobId = RUN_TAG + "-graceful";
    byte[] head = "ts,open,high,low,close,volume\n2024-03-04T15:00:00Z,10,11,9,10.5,100\n".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "2024-03-04T15:01:00Z,10.5,11,10,10.8,120\n".getBytes(StandardCharsets.UTF_8);
    String request = "POST /bars?symbol=GRACE&frame=1m&jobId=" + jobId + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + Service.INGEST.port + "\r\n"
        + "Authorization: Bearer " + TestTokens.token(Roles.OPERATOR) + "\r\n"
        + "Content-Type: text/csv\r\nContent-Length: " + (head.length + tail.length) + "\r\nConnection: close\r\n\r\n";
    // a raw socket, so the request is surely in progress when SIGTERM goes out: its headers and the first
    // bar are sent, the second bar is held back until the service has been told to stop
    try (Socket socket = new Socket("127.0.0.1", Service.INGEST.port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.write(head);
      out.flush();
      Thread.sleep(500);
      CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> services.stop(Service.INGEST));
      Thread.sleep(1000);
      assertThat(stopped).as("ingest waits for the upload in progress").isNotDone();

      out.write(tail);
      out.flush();
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      assertThat(statusLine).startsWith("HTTP/1.1 201");
      stopped.get(60, TimeUnit.SECONDS);
    }
    services.start(Service.INGEST);
    services.awaitReady(Service.INGEST, Duration.ofMinutes(3));
    assertThat(api.get("ingest", "/jobs/" + jobId).path("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  @Order(10)
  void everyMetricTheDashboardsAndAlertsNameWasScrapedFromThePackagedServices() {
    Set<String> named = new TreeSet<>();
    ObservabilityAsCode.dashboards().forEach(dashboard ->
        named.addAll(ObservabilityAsCode.metricNames(ObservabilityAsCode.dashboardExpressions(dashboard))));
    ObservabilityAsCode.ruleFiles().forEach(rules ->
        named.addAll(ObservabilityAsCode.metricNames(ObservabilityAsCode.ruleExpressions(rules))));
    named.removeAll(prometheus.metricNames());
    assertThat(named).as("metrics named in deploy/observability that Prometheus never scraped").isEmpty();
    RetentionStory.awaitTrue(Duration.ofSeconds(30), Duration.ofMillis(500),
        () -> prometheus.query("up{job=~\".+-service\"} == 1").size() == Service.values().length,
        "Prometheus does not scrape all four services: " + prometheus.query("up"));
  }

  private static String newTraceId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static String traceParent(String traceId) {
    return "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
  }

  /** Waits until the trace holds, for each service named, a span of the name given (exported in batches). */
  private static List<LocalTraceCollector.ExportedSpan> awaitSpans(String traceId, Map<String, String> spanByService) {
    try {
      RetentionStory.awaitTrue(Duration.ofSeconds(30), Duration.ofMillis(500), () -> {
        Set<String> seen = new TreeSet<>();
        traces.trace(traceId).forEach(span -> seen.add(span.service() + " " + span.name()));
        return spanByService.entrySet().stream().allMatch(expected -> seen.contains(expected.getKey() + " " + expected.getValue()));
      }, "trace " + traceId + " lacks one of " + spanByService);
    } catch (IllegalStateException missing) {
      throw new AssertionError(missing.getMessage() + "; it has " + traces.trace(traceId), missing);
    }
    return traces.trace(traceId);
  }
}
