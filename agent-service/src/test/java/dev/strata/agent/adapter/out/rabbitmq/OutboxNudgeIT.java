package dev.strata.agent.adapter.out.rabbitmq;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay publishes what a commit wrote once it committed, not at its next poll: with the poll an
 * hour apart, a start (one statement) and an API key's revocation (a unit of work) still leave at once.
 */
@QuarkusTest
@TestProfile(OutboxNudgeIT.RelayPollsHourly.class)
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.ADMIN)
class OutboxNudgeIT {

  public static class RelayPollsHourly implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("agent.outbox.poll-interval", "1h");
    }
  }

  private static final Duration WITHIN = Duration.ofSeconds(30);

  @Inject Pool pool;

  @Test
  void aStartedExecutionRunsWithoutWaitingForThePoll() {
    String workflowId = given().contentType(ContentType.JSON).body("""
        {"name":"nudged","steps":[{"id":"t","kind":"template","params":{"text":"hi"}}]}""")
        .post("/workflows").then().statusCode(201).extract().path("id");
    String executionId = given().contentType(ContentType.JSON).header("Idempotency-Key", "nudge-" + UUID.randomUUID()).body("{}")
        .post("/workflows/" + workflowId + "/executions").then().statusCode(202).extract().path("id");

    await().atMost(WITHIN).untilAsserted(() -> given().get("/executions/" + executionId).then().body("status", equalTo("SUCCEEDED")));
  }

  @Test
  void aRevocationCommittedInAUnitOfWorkLeavesTheOutboxWithoutWaitingForThePoll() {
    String keyId = given().contentType(ContentType.JSON)
        .body("{\"name\":\"nudge-%s\",\"roles\":[\"reader\"]}".formatted(UUID.randomUUID().toString().substring(0, 8)))
        .post("/api-keys").then().statusCode(201).extract().path("id");

    given().delete("/api-keys/" + keyId).then().statusCode(204);

    await().atMost(WITHIN).until(() -> outboxRows() == 0);
  }

  private long outboxRows() {
    return pool.preparedQuery("SELECT count(*) FROM agent.outbox").execute(Tuple.tuple()).await().indefinitely().iterator().next().getLong(0);
  }
}
