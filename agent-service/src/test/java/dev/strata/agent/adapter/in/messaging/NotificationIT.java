package dev.strata.agent.adapter.in.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.strata.agent.support.SubjectTokens;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.NotificationSend;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Broker;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.ADMIN)
class NotificationIT {

  private WebhookReceiver receiver;
  private Broker broker;

  @BeforeEach
  void open() {
    receiver = new WebhookReceiver();
    broker = Broker.connect(Map.of());
  }

  @AfterEach
  void close() throws Exception {
    receiver.close();
    broker.close();
  }

  @Test
  void aNotifyStepIsDeliveredToItsWebhookOnceAndRecorded() {
    String workflowId = given().contentType(ContentType.JSON).body("""
        {"name":"notifies","steps":[
          {"id":"summary","kind":"template","params":{"text":"{{input.count}} churn risks"}},
          {"id":"tell","kind":"notify","params":{"channel":"ops","webhookUrl":"%s","subject":"daily","body":"{{steps.summary}}"}}]}"""
        .formatted(receiver.url("/ops"))).post("/workflows").then().statusCode(201).extract().path("id");
    String executionId = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
        .body("{\"input\":{\"count\":7}}").post("/workflows/" + workflowId + "/executions").then().statusCode(202).extract().path("id");

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls("/ops").size() == 1);
    assertThat(receiver.calls("/ops").getFirst().body()).contains("\"body\":\"7 churn risks\"").contains(executionId);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("status", "DELIVERED").get("/notifications").then()
        .body("items.executionId", hasItem(executionId)));
    String messageId = given().queryParam("status", "DELIVERED").get("/notifications").then()
        .extract().path("items.find { it.executionId == '" + executionId + "' }.messageId");
    // Standard Webhooks headers: the id a receiver drops a repeated delivery by
    assertThat(receiver.calls("/ops").getFirst().headers()).containsEntry("webhook-id", messageId).containsKey("webhook-timestamp");
    given().get("/executions/" + executionId).then().body("status", equalTo("SUCCEEDED"));
  }

  @Test
  void aRefusedNotificationIsRecordedPostedOnceAndDeadLettered() throws Exception {
    String dlq = Queues.deadLetterQueue(Queues.NOTIFICATION_SEND);
    broker.purge(dlq);
    receiver.answer("/gone", 410);
    var envelope = Envelope.of(MessageType.NOTIFICATION_SEND, new NotificationSend("ops", receiver.url("/gone"), "s", "b", null), "refused");
    broker.publishToDefaultExchange(Queues.NOTIFICATION_SEND, new EnvelopeCodec().encode(envelope), "application/json", envelope.messageId().toString());

    // other tests' failing messages may dead-letter too: at least ours is there once its record is REJECTED
    await().atMost(Duration.ofSeconds(60)).until(() -> broker.depth(dlq) >= 1);
    assertThat(receiver.calls("/gone")).hasSize(1);
    List<Map<String, Object>> rejected = given().queryParam("status", "REJECTED").get("/notifications").then().extract().path("items");
    assertThat(rejected).anySatisfy(row -> assertThat(row.get("messageId")).isEqualTo(envelope.messageId().toString()));
  }

  @Test
  void aWebhookToALinkLocalAddressIsRejectedWithoutCallingOutAndItsUrlIsHiddenFromNonAdmins() {
    var envelope = Envelope.of(MessageType.NOTIFICATION_SEND,
        new NotificationSend("ops", "http://169.254.169.254/latest/meta-data/?token=s3cret", "s", "b", null), "metadata");
    try {
      broker.publishToDefaultExchange(Queues.NOTIFICATION_SEND, new EnvelopeCodec().encode(envelope), "application/json", envelope.messageId().toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("status", "REJECTED").get("/notifications").then()
        .body("items.find { it.messageId == '" + envelope.messageId() + "' }.lastError", equalTo("egress refused: 169.254.169.254 is link-local")));
    SubjectTokens.as("an-operator", Roles.OPERATOR).queryParam("status", "REJECTED").get("/notifications").then().statusCode(200)
        .body("items.find { it.messageId == '" + envelope.messageId() + "' }.webhookUrl", nullValue())
        .body(not(containsString("s3cret")));
    given().queryParam("status", "REJECTED").get("/notifications").then()
        .body("items.find { it.messageId == '" + envelope.messageId() + "' }.webhookUrl", containsString("169.254.169.254"));
  }

  @Test
  void aFailingWebhookIsRetriedWithBackoffAndRecordedAsFailed() {
    receiver.answer("/flaky", 503);
    var envelope = Envelope.of(MessageType.NOTIFICATION_SEND, new NotificationSend("ops", receiver.url("/flaky"), "s", "b", null), "flaky");
    try {
      broker.publishToDefaultExchange(Queues.NOTIFICATION_SEND, new EnvelopeCodec().encode(envelope), "application/json", envelope.messageId().toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls("/flaky").size() >= 3);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("status", "FAILED").get("/notifications").then()
        .body("items.messageId", hasItem(envelope.messageId().toString())));
  }
}
