package dev.strata.agent.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Authorized;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /workflows/{id}/schedules}: round trip, validation at the edge (422 problem+json), unknown workflow or a
 * schedule of another workflow (404), roles, the audit trail, and the service's own poller starting a due tick.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.OPERATOR)
class ScheduleResourceIT {

  @Inject Pool pool;

  private String workflow;

  @BeforeEach
  void aWorkflow() {
    workflow = given().contentType(ContentType.JSON).body("""
        {"name":"scheduled-%s","steps":[{"id":"t","kind":"template","params":{"text":"report for {{input.team}}"}}]}"""
        .formatted(UUID.randomUUID())).post("/workflows").then().statusCode(201).extract().path("id");
  }

  private String schedules() {
    return "/workflows/" + workflow + "/schedules";
  }

  private static String body(String cron, String zone, String policy) {
    return body(cron, zone, policy, "");
  }

  /** With {@code more} fields ({@code ,"version":0}). */
  private static String body(String cron, String zone, String policy, String more) {
    return """
        {"cron":"%s","timeZone":"%s","input":{"team":"ops"},"missedTicks":"%s"%s}""".formatted(cron, zone, policy, more);
  }

  /** Refused by the request's constraints: 422 naming the field. */
  private void outOfBounds(String body, String field) {
    given().contentType(ContentType.JSON).body(body).post(schedules()).then()
        .statusCode(422).contentType("application/problem+json").body("violations.field", hasItem(field));
  }

  private void refused(String body, String why) {
    given().contentType(ContentType.JSON).body(body).post(schedules()).then()
        .statusCode(422).contentType("application/problem+json").body("detail", containsString(why));
  }

  @Test
  void aScheduleIsStoredReadListedRevisedAndDeleted() {
    var created = given().contentType(ContentType.JSON).body(body("0 9 * * *", "Europe/Paris", "run-once")).post(schedules())
        .then().statusCode(201).contentType(ContentType.JSON)
        .body("cron", equalTo("0 9 * * *")).body("timeZone", equalTo("Europe/Paris")).body("missedTicks", equalTo("run-once"))
        .body("enabled", equalTo(true)).body("input.team", equalTo("ops")).body("version", equalTo(0))
        .extract();
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith(schedules() + "/" + id);
    Instant next = Instant.parse(created.path("nextTick"));
    OffsetDateTime local = OffsetDateTime.parse(created.path("nextTickLocal"));
    assertThat(local.toInstant()).isEqualTo(next);
    assertThat(next.atZone(ZoneId.of("Europe/Paris")).getHour()).isEqualTo(9);
    assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(25)));

    given().get(schedules() + "/" + id).then().statusCode(200).body("nextTick", equalTo(created.path("nextTick")));
    given().get(schedules()).then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));

    given().contentType(ContentType.JSON).body(body("30 6 * * MON-FRI", "America/New_York", "skip", ",\"version\":0,\"enabled\":false"))
        .put(schedules() + "/" + id).then().statusCode(200)
        .body("cron", equalTo("30 6 * * MON-FRI")).body("enabled", equalTo(false)).body("version", equalTo(1))
        .body("nextTickLocal", containsString("T06:30"));
    given().contentType(ContentType.JSON).body(body("0 9 * * *", "UTC", "skip", ",\"version\":0"))
        .put(schedules() + "/" + id).then().statusCode(409).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body(body("0 9 * * *", "UTC", "skip"))
        .put(schedules() + "/" + id).then().statusCode(422).contentType("application/problem+json");

    given().delete(schedules() + "/" + id).then().statusCode(204);
    given().get(schedules() + "/" + id).then().statusCode(404).contentType("application/problem+json");
    given().delete(schedules() + "/" + id).then().statusCode(404);

    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
      given().queryParam("resource", schedules() + "/" + id).get("/audit").then().statusCode(200)
          .body("items.action", org.hamcrest.Matchers.hasItems("create-schedule", "update-schedule", "delete-schedule"))
          .body("items.actor", hasItem("test-" + Roles.OPERATOR)));
  }

  @Test
  void aBadCronAnUnknownZoneOrPolicyAreRefusedAtTheEdge() {
    refused(body("* * * * * *", "UTC", "skip"), "not a Unix cron expression");
    refused(body("61 * * * *", "UTC", "skip"), "not a Unix cron expression");
    refused(body("@daily", "UTC", "skip"), "not a Unix cron expression");
    refused(body("0 0 30 2 *", "UTC", "skip"), "never ticks");
    refused(body("0 9 * * *", "Mars/Olympus", "skip"), "IANA time zone");
    refused(body("0 9 * * *", "+02:00", "skip"), "IANA time zone");
    refused(body("0 9 * * *", "UTC", "sometimes"), "missedTicks must be 'skip' or 'run-once'");
    outOfBounds(body("", "UTC", "skip"), "cron");
    outOfBounds(body("0 ".repeat(60), "UTC", "skip"), "cron");
    outOfBounds(body("0 9 * * *", "Europe/" + "x".repeat(80), "skip"), "timeZone");
    given().contentType(ContentType.JSON).body("{\"cron\":\"0 9 * * *\",\"every\":\"day\"}").post(schedules()).then()
        .statusCode(400).contentType("application/problem+json");
    given().get(schedules()).then().statusCode(200).body("total", equalTo(0));
  }

  @Test
  void onlyTheCronIsRequiredTheRestHasDefaults() {
    given().contentType(ContentType.JSON).body("{\"cron\":\"15 3 * * *\"}").post(schedules()).then().statusCode(201)
        .body("timeZone", equalTo("UTC")).body("missedTicks", equalTo("skip")).body("enabled", equalTo(true))
        .body("nextTick", containsString("T03:15:00Z"));
  }

  @Test
  void anUnknownWorkflowOrAScheduleOfAnotherIsNotFound() {
    String other = "/workflows/" + UUID.randomUUID() + "/schedules";
    given().contentType(ContentType.JSON).body(body("0 9 * * *", "UTC", "skip")).post(other).then()
        .statusCode(404).contentType("application/problem+json");
    given().get(other).then().statusCode(404).contentType("application/problem+json");
    String id = given().contentType(ContentType.JSON).body(body("0 9 * * *", "UTC", "skip")).post(schedules()).then().statusCode(201)
        .extract().path("id");
    String anotherWorkflow = given().contentType(ContentType.JSON).body("""
        {"name":"other-%s","steps":[{"id":"t","kind":"template","params":{"text":"x"}}]}""".formatted(UUID.randomUUID()))
        .post("/workflows").then().statusCode(201).extract().path("id");
    given().get("/workflows/" + anotherWorkflow + "/schedules/" + id).then().statusCode(404);
    given().delete("/workflows/" + anotherWorkflow + "/schedules/" + id).then().statusCode(404);
    given().get(schedules() + "/" + id).then().statusCode(200);
    given().get(schedules() + "/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void readersReadOperatorsWriteAndNobodyWithoutAToken() {
    String id = given().contentType(ContentType.JSON).body(body("0 9 * * *", "UTC", "skip")).post(schedules()).then().statusCode(201)
        .extract().path("id");
    Authorized.as(Roles.READER);
    given().get(schedules()).then().statusCode(200).body("total", equalTo(1));
    given().get(schedules() + "/" + id).then().statusCode(200);
    given().contentType(ContentType.JSON).body(body("0 9 * * *", "UTC", "skip")).post(schedules()).then()
        .statusCode(403).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body(body("0 9 * * *", "UTC", "skip", ",\"version\":0"))
        .put(schedules() + "/" + id).then().statusCode(403);
    given().delete(schedules() + "/" + id).then().statusCode(403);
    Authorized.reset();
    given().get(schedules()).then().statusCode(401).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body(body("0 9 * * *", "UTC", "skip")).post(schedules()).then().statusCode(401);
    given().header("Authorization", TestTokens.bearer(Roles.SERVICE)).contentType(ContentType.JSON)
        .body(body("0 9 * * *", "UTC", "skip")).post(schedules()).then().statusCode(201);
  }

  @Test
  void aClientsIdempotencyKeyCannotTakeAScheduledTicksPlace() {
    given().contentType(ContentType.JSON).header("Idempotency-Key", "schedule:" + UUID.randomUUID() + ":2031-01-06T11:00:00Z").body("{}")
        .post("/workflows/" + workflow + "/executions").then().statusCode(422).contentType("application/problem+json");
  }

  @Test
  void theServicesPollerStartsADueTickOnceAuditedAsTheSchedulesAndCountedOnMetrics() {
    String id = given().contentType(ContentType.JSON).body(body("0 0 1 1 *", "UTC", "skip")).post(schedules()).then().statusCode(201)
        .extract().path("id");
    // as if the tick had just come: the poller finds it within the grace
    pool.preparedQuery("UPDATE agent.schedules SET next_tick = now() - interval '1 second' WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(id))).await().indefinitely();

    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        given().queryParam("workflowId", workflow).get("/executions").then().statusCode(200)
            .body("total", equalTo(1)).body("items[0].status", equalTo("SUCCEEDED"))
            .body("items[0].output", equalTo("report for ops")));
    String execution = given().queryParam("workflowId", workflow).get("/executions").then().extract().path("items[0].id");
    given().get(schedules() + "/" + id).then().statusCode(200)
        .body("lastExecutionId", equalTo(execution)).body("lastTick", notNullValue())
        .body("nextTick", containsString("-01-01T00:00:00Z"));

    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        given().queryParam("resource", "/executions/" + execution).get("/audit").then().statusCode(200)
            .body("items.actor", hasItem("schedule:" + id)).body("items.action", hasItem("start-execution")));
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics).contains("strata_workflow_schedule_starts_total").contains("strata_workflow_schedule_ticks_skipped_total")
        .contains("strata_workflow_schedule_failures_total");
    assertThat(metrics.lines().filter(l -> l.startsWith("strata_workflow_schedule_starts_total")).findFirst().orElseThrow())
        .doesNotEndWith(" 0.0");
  }
}
