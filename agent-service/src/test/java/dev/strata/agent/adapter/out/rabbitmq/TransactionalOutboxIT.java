package dev.strata.agent.adapter.out.rabbitmq;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Broker;
import dev.strata.testing.LocalBroker;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A start's workflow.execute message leaves the outbox once, even across a broker outage (that the
 * row and the message commit together or not at all: {@code ExecutionPersistenceIT}).
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.ADMIN)
class TransactionalOutboxIT {

  @Inject Pool pool;

  private WebhookReceiver receiver;

  @BeforeEach
  void open() {
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void close() {
    receiver.close();
  }

  private String oneHttpStepWorkflow(String path) {
    return given().contentType(ContentType.JSON).body("""
        {"name":"outbox test","steps":[{"id":"call","kind":"http","params":{"url":"%s"}}]}""".formatted(receiver.url(path)))
        .post("/workflows").then().statusCode(201).extract().path("id");
  }

  private Row outboxRow(String where, Object value) {
    var rows = pool.preparedQuery("SELECT id FROM agent.outbox WHERE " + where).execute(Tuple.of(value)).await().indefinitely();
    return rows.size() == 0 ? null : rows.iterator().next();
  }

  @Test
  void aMessageTheBrokerCouldNotTakeStaysInTheOutboxAndRunsOnceAfterTheBrokerIsBack() throws Exception {
    assumeTrue(LocalBroker.controllable(), "needs the local RabbitMQ (rabbitmqctl) to stop and start it");
    String workflowId = oneHttpStepWorkflow("/after-outage");
    String executionId;
    Row row;
    LocalBroker.stopApp();
    try {
      executionId = given().contentType(ContentType.JSON).header("Idempotency-Key", "outage-" + UUID.randomUUID()).body("{}")
          .post("/workflows/" + workflowId + "/executions").then().statusCode(202).extract().path("id");
      row = outboxRow("correlation_id = $1", executionId);
      assertThat(row).as("the start committed its message to the outbox").isNotNull();
      UUID messageId = row.getUUID("id");
      // the relay keeps trying every poll interval; with no broker to confirm, its rounds roll back and the row stays
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> outboxRow("id = $1", messageId) != null);
      given().get("/executions/" + executionId).then().body("status", equalTo("PENDING"));
    } finally {
      LocalBroker.startApp();
    }

    await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
        given().get("/executions/" + executionId).then().body("status", equalTo("SUCCEEDED")));
    // a publish the broker took during its recovery may never be confirmed: that round rolls back after
    // agent.outbox.confirm-timeout and a later one publishes the row again — a duplicate the runner must absorb
    UUID messageId = row.getUUID("id");
    await().atMost(Duration.ofSeconds(60)).until(() -> outboxRow("id = $1", messageId) == null);
    try (Broker broker = Broker.connect(Map.of())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> broker.depth(Queues.WORKFLOW_EXECUTE) == 0);
    }
    assertThat(receiver.calls("/after-outage")).hasSize(1);
    given().get("/executions/" + executionId + "/checkpoints").then().body("size()", equalTo(1));
  }
}
