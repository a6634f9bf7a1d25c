package dev.strata.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.testing.WebhookReceiver;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/strata demo}: drives the running platform through {@link RetentionStory} on the real
 * data the project carries, printing progress and a summary. Services must be up ({@code bin/strata up}).
 */
public final class Demo {

  private static final long START = System.nanoTime();
  /** Where the retention review posts its notification on the demo's webhook receiver. */
  private static final String HOOK = "/hook";

  public static void main(String[] args) throws Exception {
    PlatformClient api = new PlatformClient(Map.of(
        "ingest", env("INGEST_URL", "http://127.0.0.1:8081"),
        "warehouse", env("WAREHOUSE_URL", "http://127.0.0.1:8082"),
        "scoring", env("SCORING_URL", "http://127.0.0.1:8083"),
        "agent", env("AGENT_URL", "http://127.0.0.1:8084")));
    api.useToken(adminToken(api));
    String runTag = "demo-" + LocalDate.now(ZoneOffset.UTC);
    try (EventProducer producer = new EventProducer(env("RABBITMQ_HOST", "127.0.0.1"), Integer.parseInt(env("RABBITMQ_PORT", "5672")),
            env("RABBITMQ_VHOST", "/"), env("PRODUCER_USERNAME", "strata-producer"),
            env("PRODUCER_PASSWORD", env("RABBITMQ_PASSWORD", "strata")));
        // containers on a bridge network (bin/strata demo --compose) reach this machine at their gateway
        WebhookReceiver webhook = new WebhookReceiver(env("DEMO_WEBHOOK_HOST", "127.0.0.1"))) {
      RetentionStory story = new RetentionStory(api, producer, Demo::say);

      say("1/7 an event producer publishes the S&P 500 and AAPL daily bars (AMQP, exchange strata, as broker user strata-producer)");
      RetentionStory.Published bars = story.publishBars(runTag);
      say("2/7 an operator imports the Telco customers");
      story.importCustomers();
      say("3/7 the producer publishes %d days of generated usage events (seed %d)".formatted(UsageEventGenerator.DAYS, UsageEventGenerator.SEED));
      RetentionStory.Published usage = story.publishUsage(runTag, LocalDate.now(ZoneOffset.UTC));
      say("4/7 waiting for the warehouse to promote bronze → silver → gold");
      List<String> runs = new ArrayList<>(bars.jobIds());
      runs.addAll(usage.jobIds());
      story.awaitPromotion(runs, Duration.ofMinutes(5));
      say("5/7 training churn_model and risk_model (the AUC gate decides champion)");
      JsonNode churn = story.train("churn_model", Duration.ofMinutes(3));
      JsonNode risk = story.train("risk_model", Duration.ofMinutes(3));
      say("6/7 scoring every active customer");
      JsonNode scores = story.scoreAllActive();
      boolean llm = story.llmConfigured();
      say("7/7 running the retention review workflow");
      JsonNode execution = story.runRetentionReview(webhook.url(HOOK), llm, Duration.ofMinutes(2));
      RetentionStory.awaitTrue(Duration.ofSeconds(30), Duration.ofMillis(200), () -> !webhook.calls(HOOK).isEmpty(), "no notification arrived");

      summary(api, bars, usage, churn, risk, scores, execution, llm, webhook);
    }
  }

  private static void summary(PlatformClient api, RetentionStory.Published bars, RetentionStory.Published usage,
      JsonNode churn, JsonNode risk, JsonNode scores, JsonNode execution, boolean llm, WebhookReceiver webhook) {
    long files = 0;
    for (String job : bars.jobIds()) {
      files += api.get("ingest", "/jobs/" + job).path("files").size();
    }
    JsonNode layers = api.get("warehouse", "/ops/layers");
    JsonNode audit = api.get("agent", "/audit/verify");
    System.out.println();
    System.out.println("=== Strata demo summary (" + seconds() + " s) ===");
    System.out.printf("bars ingested        %,d in %d Parquet files (%d messages); usage events %,d%n", bars.rows(), files, bars.messages(), usage.rows());
    System.out.printf("warehouse rows       %s%n", layers);
    System.out.printf("models               churn_model v%s AUC %.3f champion=%s | risk_model v%s AUC %.3f champion=%s%n",
        churn.path("version").asText(), churn.path("metrics").path("auc").asDouble(), churn.path("promoted").asBoolean(),
        risk.path("version").asText(), risk.path("metrics").path("auc").asDouble(), risk.path("promoted").asBoolean());
    System.out.println("ten customers most at risk (revenue at risk per month):");
    List<JsonNode> ranked = new ArrayList<>();
    scores.path("scores").forEach(ranked::add);
    ranked.sort(Comparator.comparingDouble((JsonNode s) -> s.path("risk").asDouble()).reversed());
    ranked.stream().limit(10).forEach(s -> System.out.printf("  %-8s churn %.3f  risk %8.2f%n",
        s.path("customerId").asText(), s.path("churnProbability").asDouble(), s.path("risk").asDouble()));
    System.out.printf("retention workflow   %s (draft by %s step)%n", execution.path("status").asText(), llm ? "llm" : "template");
    System.out.printf("notifications        %d delivered to %s%n", webhook.calls(HOOK).size(), webhook.url(HOOK));
    System.out.printf("audit chain          %s (%s records checked)%n", audit.path("status").asText(), audit.path("checked").asText());
    // the demo is also the container story's check (bin/strata demo --compose): it fails when the story did not hold
    if (!execution.path("status").asText().equals("SUCCEEDED") || !audit.path("status").asText().equals("OK")) {
      throw new IllegalStateException("the story did not hold: workflow " + execution.path("status").asText()
          + ", audit chain " + audit.path("status").asText());
    }
  }

  private static String adminToken(PlatformClient api) {
    String token = System.getenv("STRATA_TOKEN");
    if (token != null && !token.isBlank()) {
      return token;
    }
    JsonNode issued = api.post("agent", "/auth/token", Map.of("username", "admin", "password", env("STRATA_ADMIN_PASSWORD", "")));
    return issued.path("access_token").asText();
  }

  private static void say(String line) {
    System.out.printf("[%6.1fs] %s%n", (System.nanoTime() - START) / 1e9, line);
  }

  private static String seconds() {
    return String.format("%.0f", (System.nanoTime() - START) / 1e9);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
