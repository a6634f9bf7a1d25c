package dev.strata.support.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker's users as bin/infra up makes them, and the consumers' check of who published: the probe
 * consumes {@code notification.send}, which only agent-service publishes.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class BrokerUsersIT {

  private static final String QUEUE = Queues.NOTIFICATION_SEND;
  private static final String DLQ = Queues.deadLetterQueue(QUEUE);
  private static final EnvelopeCodec CODEC = new EnvelopeCodec();

  @Inject ProbeConsumer probe;
  private Broker admin;

  @BeforeEach
  void connect() {
    admin = Broker.connect(Map.of());
    admin.purge(DLQ);
    admin.purge(Queues.AUDIT_LOG);
    admin.purge(Queues.INGEST_BARS);
  }

  @AfterEach
  void close() throws Exception {
    admin.purge(Queues.AUDIT_LOG);
    admin.purge(Queues.INGEST_BARS);
    admin.close();
  }

  @Test
  void aProducerMayPublishWhatProducersSendAndNothingElse() throws Exception {
    try (Broker producer = Broker.connectAs("strata-producer")) {
      producer.publishConfirmed(Queues.EXCHANGE, Queues.INGEST_BARS, "{}".getBytes(), "strata-producer");
      assertThat(admin.depth(Queues.INGEST_BARS)).isEqualTo(1);

      assertThatThrownBy(() -> producer.publishConfirmed(Queues.EXCHANGE, QUEUE, notification("forged"), "strata-producer"))
          .hasStackTraceContaining("ACCESS_REFUSED");
      assertThatThrownBy(() -> producer.publishConfirmed(Queues.EXCHANGE, Queues.AUDIT_LOG, "{}".getBytes(), "strata-producer"))
          .hasStackTraceContaining("ACCESS_REFUSED");
      assertThatThrownBy(() -> producer.publishConfirmed("", QUEUE, notification("forged"), "strata-producer"))
          .hasStackTraceContaining("ACCESS_REFUSED");
    }
    assertThat(admin.depth(Queues.AUDIT_LOG)).isZero();
    assertThat(admin.depth(DLQ)).isZero();
    assertThat(probe.accepted()).noneMatch(accepted -> accepted.body().equals("forged"));
  }

  @Test
  void aServiceMayReadItsOwnQueuesOnly() throws Exception {
    try (Broker scoring = Broker.connectAs("scoring-service")) {
      assertThat(scoring.take(Queues.AUDIT_LOG)).isNull(); // its own (it publishes there), empty
    }
    for (String others : new String[] {Queues.INGEST_BARS, Queues.WORKFLOW_EXECUTE, QUEUE}) {
      try (Broker scoring = Broker.connectAs("scoring-service")) {
        assertThatThrownBy(() -> scoring.take(others)).hasStackTraceContaining("ACCESS_REFUSED");
      }
    }
  }

  @Test
  void aPublisherCannotClaimToBeAnotherUser() {
    try (Broker producer = Broker.connectAs("strata-producer")) {
      assertThatThrownBy(() -> producer.publishConfirmed(Queues.EXCHANGE, Queues.INGEST_BARS, "{}".getBytes(), "agent-service"))
          .hasStackTraceContaining("PRECONDITION_FAILED");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theOwnersBrokerUserIsTrusted() throws Exception {
    String body = "from agent-service " + UUID.randomUUID();
    try (Broker agent = Broker.connectAs("agent-service")) {
      agent.publishConfirmed(Queues.EXCHANGE, QUEUE, notification(body), "agent-service");
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> probe.accepted().stream().anyMatch(n -> n.body().equals(body)));
  }

  @Test
  void aMessageThatDoesNotNameItsOwnerAsPublisherIsDeadLetteredAtOnceAndCounted() throws Exception {
    double before = counted("untrusted-publisher");
    String body = "unsigned " + UUID.randomUUID();
    // the administrator may write anywhere, but without user_id nothing vouches for who published
    admin.publishConfirmed(Queues.EXCHANGE, QUEUE, notification(body), null);

    await().atMost(Duration.ofSeconds(10)).until(() -> admin.depth(DLQ) == 1);
    assertThat(counted("untrusted-publisher")).isEqualTo(before + 1);
    assertThat(probe.accepted()).noneMatch(accepted -> accepted.body().equals(body));
  }

  private static byte[] notification(String body) {
    var payload = new NotificationSend("ops", "http://127.0.0.1:1/hook", "subject", body, null);
    return CODEC.encode(Envelope.of(MessageType.NOTIFICATION_SEND, payload, "c-" + UUID.randomUUID()));
  }

  private static double counted(String reason) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics.lines()
        .filter(line -> line.startsWith("strata_messages_dead_lettered_total{")
            && line.contains("queue=\"" + QUEUE + "\"") && line.contains("reason=\"" + reason + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+")[0]))
        .sum();
  }
}
