package dev.strata.support.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.NotificationSend;
import dev.strata.testing.Broker;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class DeadLetteringIT {

  private static final String QUEUE = Queues.NOTIFICATION_SEND;
  private static final String DLQ = Queues.deadLetterQueue(QUEUE);

  @Inject ProbeConsumer probe;
  private Broker broker;

  @BeforeEach
  void connect() {
    broker = Broker.connect(Map.of());
    broker.purge(DLQ);
  }

  @AfterEach
  void close() throws Exception {
    broker.close();
  }

  @Test
  void invalidJsonEndsInTheDeadLetterQueueAfterTheDeliveryLimitAndIsCounted() throws Exception {
    double before = deadLettered("undecodable");
    broker.publishToDefaultExchange(QUEUE, "{not json".getBytes(StandardCharsets.UTF_8), "application/json", UUID.randomUUID().toString());

    await().atMost(Duration.ofSeconds(30)).until(() -> broker.depth(DLQ) == 1);
    assertThat(broker.depth(QUEUE)).isZero();
    assertThat(new String(broker.take(DLQ).getBody(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    assertThat(deadLettered("undecodable")).isEqualTo(before + 1);
  }

  @Test
  void anUnknownMessageTypeEndsInTheDeadLetterQueue() throws Exception {
    String unknown = """
        {"messageId":"%s","type":"no-such-type","schemaVersion":1,"occurredAt":"2026-01-01T00:00:00Z","payload":{}}"""
        .formatted(UUID.randomUUID());
    int acceptedBefore = probe.accepted().size();
    broker.publishToDefaultExchange(QUEUE, unknown.getBytes(StandardCharsets.UTF_8), "application/json", UUID.randomUUID().toString());

    await().atMost(Duration.ofSeconds(30)).until(() -> broker.depth(DLQ) == 1);
    assertThat(broker.depth(QUEUE)).isZero();
    assertThat(probe.accepted()).hasSize(acceptedBefore);
  }

  @Test
  void aValidMessageThroughTheDefaultExchangeIsConsumedAndAcked() throws Exception {
    var payload = new NotificationSend("ops", "http://127.0.0.1:1/hook", "subject", "body-" + UUID.randomUUID(), null);
    byte[] body = new EnvelopeCodec().encode(Envelope.of(MessageType.NOTIFICATION_SEND, payload, "corr-1"));
    broker.publishToDefaultExchange(QUEUE, body, "application/json", UUID.randomUUID().toString());

    await().atMost(Duration.ofSeconds(10)).until(() -> probe.accepted().contains(payload));
    await().atMost(Duration.ofSeconds(5)).until(() -> broker.depth(QUEUE) == 0);
    assertThat(broker.depth(DLQ)).isZero();
  }

  @Test
  void aMessageOverTheSizeLimitGoesToTheDeadLetterQueueAtItsFirstDeliveryUndecoded() throws Exception {
    double before = deadLettered("oversized");
    double rejectedBefore = counted("strata_messages_rejected_total", "oversized");
    int acceptedBefore = probe.accepted().size();
    // a valid notification of 20 MB, over the 16 MB default: were it decoded, the probe would accept it
    var payload = new NotificationSend("ops", "http://127.0.0.1:1/hook", "subject", "x".repeat(20 << 20), null);
    byte[] body = new EnvelopeCodec().encode(Envelope.of(MessageType.NOTIFICATION_SEND, payload, "corr-big"));
    broker.publishToDefaultExchange(QUEUE, body, "application/json", UUID.randomUUID().toString());

    await().atMost(Duration.ofSeconds(30)).until(() -> broker.depth(DLQ) == 1);
    assertThat(broker.depth(QUEUE)).isZero();
    assertThat(broker.take(DLQ).getBody()).hasSize(body.length);
    assertThat(deadLettered("oversized")).isEqualTo(before + 1);
    assertThat(counted("strata_messages_rejected_total", "oversized")).as("one delivery, not the delivery limit's six")
        .isEqualTo(rejectedBefore + 1);
    assertThat(probe.accepted()).hasSize(acceptedBefore);
    given().get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void theDeadLetterQueuesDepthItsConsumersAndReadinessAreMetricsAndEveryReasonIsCountedFromZero() throws Exception {
    // present before any message of that reason arrived, so that Prometheus sees the first as an increase
    for (String reason : InboundMessages.REASONS) {
      assertThat(metrics()).contains("strata_messages_dead_lettered_total{queue=\"" + QUEUE + "\",reason=\"" + reason + "\"}");
    }
    broker.publishToDefaultExchange(QUEUE, "{not json".getBytes(StandardCharsets.UTF_8), "application/json", UUID.randomUUID().toString());
    await().atMost(Duration.ofSeconds(30)).until(() -> broker.depth(DLQ) == 1);

    await().atMost(Duration.ofSeconds(10)).until(() -> gauge("strata_queue_messages{queue=\"" + DLQ + "\"}") == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> gauge("strata_queue_consumers{queue=\"" + QUEUE + "\"}") >= 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> gauge("strata_readiness") == 1);
    assertThat(metrics()).doesNotContain("strata_queue_consumers{queue=\"" + DLQ + "\"}");
  }

  private static String metrics() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /** The value of one series, NaN when absent. */
  private static double gauge(String series) {
    return metrics().lines().filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).trim().split("\\s+")[0]))
        .findFirst().orElse(Double.NaN);
  }

  private static double deadLettered(String reason) {
    return counted("strata_messages_dead_lettered_total", reason);
  }

  private static double counted(String counter, String reason) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics.lines()
        .filter(line -> line.startsWith(counter + "{")
            && line.contains("queue=\"" + QUEUE + "\"") && line.contains("reason=\"" + reason + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+")[0]))
        .sum();
  }
}
