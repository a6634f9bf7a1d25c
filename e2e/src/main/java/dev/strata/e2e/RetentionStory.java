package dev.strata.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.BarBatch;
import dev.strata.kernel.messaging.contract.UsageEventBatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The platform's main story, told the way its users act: an event producer publishes bars and
 * usage events over AMQP, an operator imports customers, trains models, scores customers and runs
 * a retention-review workflow over REST. {@code bin/strata demo} prints it; the e2e suite asserts it.
 */
public final class RetentionStory {

  /** What was published: the job ids (= warehouse run ids), messages and rows. */
  public record Published(List<String> jobIds, int messages, long rows) {}

  private final PlatformClient api;
  private final EventProducer producer;
  private final Consumer<String> progress;

  public RetentionStory(PlatformClient api, EventProducer producer, Consumer<String> progress) {
    this.api = api;
    this.producer = producer;
    this.progress = progress;
  }

  /** The S&P 500 (as {@code SPX}) and AAPL daily bars, 500 bars a message, to {@code ingest.bars}. */
  public Published publishBars(String runTag) {
    List<BarBatch> batches = new ArrayList<>(DemoData.dailyBars(DemoData.SP500, "SPX", 500, runTag + "-spx"));
    batches.addAll(DemoData.dailyBars(DemoData.AAPL, "AAPL", 500, runTag + "-aapl"));
    long rows = 0;
    for (BarBatch batch : batches) {
      producer.publish(MessageType.BAR_BATCH, batch, runTag);
      rows += batch.bars().size();
    }
    progress.accept("published %d bars in %d messages to ingest.bars".formatted(rows, batches.size()));
    return new Published(batches.stream().map(BarBatch::jobId).toList(), batches.size(), rows);
  }

  /** The Telco customers through {@code POST /customers/import}. */
  public JsonNode importCustomers() {
    String csv = new String(DemoData.bytes(DemoData.TELCO), StandardCharsets.UTF_8);
    JsonNode imported = api.postText("warehouse", "/customers/import", "text/csv", csv);
    progress.accept("imported customers: " + imported);
    return imported;
  }

  /** The generated usage stream (seed {@value UsageEventGenerator#SEED}), one message a day, to {@code ingest.usage}. */
  public Published publishUsage(String runTag, LocalDate asOf) {
    List<UsageEventBatch> batches = UsageEventGenerator.dailyBatches(DemoData.customers(), asOf, runTag + "-usage");
    long rows = 0;
    for (UsageEventBatch batch : batches) {
      producer.publish(MessageType.USAGE_EVENT_BATCH, batch, runTag);
      rows += batch.events().size();
    }
    progress.accept("published %d usage events in %d messages to ingest.usage".formatted(rows, batches.size()));
    return new Published(batches.stream().map(UsageEventBatch::jobId).toList(), batches.size(), rows);
  }

  /** Waits until the warehouse promoted every run (job) in {@code runIds} to gold. */
  public void awaitPromotion(List<String> runIds, Duration patience) {
    Set<String> waiting = new HashSet<>(runIds);
    int[] reported = {-1};
    awaitTrue(patience, Duration.ofSeconds(2), () -> {
      for (JsonNode run : api.get("warehouse", "/ops/runs?limit=10000")) {
        String id = run.path("runId").asText();
        if (waiting.contains(id)) {
          switch (run.path("status").asText()) {
            case "promoted" -> waiting.remove(id);
            case "rejected" -> throw new IllegalStateException("the warehouse refused run " + id + ": " + run);
            default -> { }
          }
        }
      }
      int promoted = runIds.size() - waiting.size();
      if (promoted != reported[0]) {
        progress.accept("warehouse promoted %d of %d runs to gold".formatted(promoted, runIds.size()));
        reported[0] = promoted;
      }
      return waiting.isEmpty();
    }, "runs not promoted: " + waiting);
  }

  /** Trains {@code model} on gold customer features and waits for the gate's decision. */
  public JsonNode train(String model, Duration patience) {
    String id = api.post("scoring", "/models/" + model + "/train", null).path("id").asText();
    JsonNode[] job = new JsonNode[1];
    awaitTrue(patience, Duration.ofSeconds(1), () -> {
      job[0] = api.get("scoring", "/trainings/" + id);
      return !job[0].path("state").asText().equals("RUNNING");
    }, "training of " + model + " did not finish");
    if (!job[0].path("state").asText().equals("SUCCEEDED")) {
      throw new IllegalStateException("training of " + model + " failed: " + job[0]);
    }
    progress.accept("trained %s version %s, AUC %.3f, champion: %s".formatted(
        model, job[0].path("version").asText(), job[0].path("metrics").path("auc").asDouble(), job[0].path("promoted").asBoolean()));
    return job[0];
  }

  /** Scores every active customer. */
  public JsonNode scoreAllActive() {
    JsonNode scores = api.post("scoring", "/scores/customers", Map.of("all", true));
    progress.accept("scored %d active customers with %s".formatted(scores.path("scores").size(), scores.path("models")));
    return scores;
  }

  /**
   * Creates and runs the retention review: at-risk customers from the warehouse → their scores →
   * a drafted message ({@code llm} when an LLM is configured, else {@code template}) → a
   * notification to {@code webhookUrl}. Answers the finished execution.
   */
  public JsonNode runRetentionReview(String webhookUrl, boolean useLlm, Duration patience) {
    String prompt = "Draft a short retention note for the account team. At-risk customers: {{steps.top.customer_id}}. "
        + "Their churn scores: {{steps.scores.scores}}.";
    Map<String, Object> draft = useLlm
        ? Map.of("id", "draft", "kind", "llm", "params", Map.of("prompt", prompt))
        : Map.of("id", "draft", "kind", "template", "params", Map.of("text",
            "Retention review: customers {{steps.top.customer_id}} are most at risk; scores {{steps.scores.scores}} "
                + "(models {{steps.scores.models}})."));
    Map<String, Object> workflow = Map.of("name", "retention review " + UUID.randomUUID(), "steps", List.of(
        Map.of("id", "top", "kind", "warehouse-query", "params", Map.of("query", "at-risk-customers", "params", Map.of("limit", 10))),
        Map.of("id", "scores", "kind", "score", "params", Map.of("customerIds", "{{steps.top.customer_id}}")),
        draft,
        Map.of("id", "tell", "kind", "notify", "params", Map.of(
            "channel", "retention", "webhookUrl", webhookUrl, "subject", "Retention review", "body", "{{steps.draft}}"))));
    String workflowId = api.post("agent", "/workflows", workflow).path("id").asText();
    JsonNode started = api.send("agent", "POST", "/workflows/" + workflowId + "/executions", "application/json",
        "{\"input\":{}}", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    String executionId = started.path("id").asText();
    progress.accept("started retention review execution " + executionId + " (draft step: " + (useLlm ? "llm" : "template") + ")");
    JsonNode[] execution = new JsonNode[1];
    awaitTrue(patience, Duration.ofMillis(500), () -> {
      execution[0] = api.get("agent", "/executions/" + executionId);
      String status = execution[0].path("status").asText();
      return status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED");
    }, "execution " + executionId + " did not finish");
    return execution[0];
  }

  /** True when agent-service has an LLM endpoint configured. */
  public boolean llmConfigured() {
    return api.get("agent", "/llm/status").path("configured").asBoolean(false);
  }

  static void awaitTrue(Duration patience, Duration every, Supplier<Boolean> condition, String failure) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(failure + " within " + patience);
      }
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
