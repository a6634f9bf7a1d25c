package dev.strata.agent.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.ADMIN)
class WorkflowResourceIT {

  static String workflow(String steps) {
    return """
        {"name":"greeting","description":"says hi","steps":%s}""".formatted(steps);
  }

  private static void refused(String steps, String why) {
    given().contentType(ContentType.JSON).body(workflow(steps)).post("/workflows").then()
        .statusCode(422).contentType("application/problem+json").body("detail", containsString(why));
  }

  @Test
  void aValidDefinitionIsStoredAndReadBack() {
    String id = given().contentType(ContentType.JSON).body(workflow("""
        [{"id":"greet","kind":"template","params":{"text":"Hello {{input.name}}"}},
         {"id":"shout","kind":"template","params":{"text":"{{steps.greet}}!"}}]"""))
        .post("/workflows").then().statusCode(201).extract().path("id");
    given().get("/workflows/" + id).then().statusCode(200)
        .body("steps[1].params.text", equalTo("{{steps.greet}}!")).body("steps[0].kind", equalTo("template"));
    given().contentType(ContentType.JSON).body(workflow("""
        [{"id":"greet","kind":"template","params":{"text":"Hi"}}]""").replace("}]", "}],\"version\":0"))
        .put("/workflows/" + id).then().statusCode(200).body("version", equalTo(1));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
        given().queryParam("resource", "/workflows/" + id).queryParam("actor", "test-admin").get("/audit").then()
            .body("items.action", org.hamcrest.Matchers.hasItems("create-workflow", "update-workflow")));
  }

  @Test
  void everyStoredVersionIsKeptAndAnExecutionShowsTheVersionItRuns() {
    String id = given().contentType(ContentType.JSON).body(workflow("""
        [{"id":"greet","kind":"template","params":{"text":"first"}}]""")).post("/workflows").then().statusCode(201).extract().path("id");
    given().contentType(ContentType.JSON).body(workflow("""
        [{"id":"greet","kind":"template","params":{"text":"second"}}]""").replace("}]", "}],\"version\":0"))
        .put("/workflows/" + id).then().statusCode(200).body("version", equalTo(1));

    given().get("/workflows/" + id + "/versions").then().statusCode(200)
        .body("total", equalTo(2)).body("items.version", org.hamcrest.Matchers.contains(1, 0))
        .body("items[0].steps[0].params.text", equalTo("second"));
    given().get("/workflows/" + id + "/versions/0").then().statusCode(200).body("steps[0].params.text", equalTo("first"));
    given().get("/workflows/" + id + "/versions/7").then().statusCode(404).contentType("application/problem+json");
    given().get("/workflows/" + id + "/versions/latest").then().statusCode(400).contentType("application/problem+json");
    given().get("/workflows/" + java.util.UUID.randomUUID() + "/versions").then().statusCode(404).contentType("application/problem+json");

    given().contentType(ContentType.JSON).header("Idempotency-Key", "versioned-" + java.util.UUID.randomUUID()).body("{}")
        .post("/workflows/" + id + "/executions").then().statusCode(202).body("workflowVersion", equalTo(1));
  }

  @Test
  void anUnknownKindADanglingReferenceAndACycleAreRefused() {
    refused("""
        [{"id":"a","kind":"teleport","params":{}}]""", "unknown step kind");
    refused("""
        [{"id":"a","kind":"template","params":{"text":"{{steps.nowhere}}"}}]""", "unknown step");
    refused("""
        [{"id":"a","kind":"template","params":{"text":"{{steps.b}}"}},
         {"id":"b","kind":"template","params":{"text":"{{steps.a}}"}}]""", "cycle");
    refused("""
        [{"id":"a","kind":"template","params":{"text":"{{steps.a}}"}}]""", "cycle");
    refused("""
        [{"id":"a","kind":"http","params":{}}]""", "needs 'url'");
    refused("""
        [{"id":"a","kind":"template","params":{"text":"x"}},{"id":"a","kind":"template","params":{"text":"y"}}]""", "unique");
  }

  @Test
  void anHttpStepThatWouldReadAFileCarryCredentialsOrNameNoHostIsRefusedWhenSaved() {
    refused("""
        [{"id":"a","kind":"http","params":{"url":"file:///etc/passwd"}}]""", "must be http or https");
    refused("""
        [{"id":"a","kind":"http","params":{"url":"https://admin:secret@example.com/hook"}}]""", "must not carry user-info");
    refused("""
        [{"id":"a","kind":"http","params":{"url":"http:///hook"}}]""", "needs a host");
    refused("""
        [{"id":"a","kind":"http","params":{"url":"{{input.url}}"}}]""", "must start with http:// or https://");
    String id = given().contentType(ContentType.JSON).body(workflow("""
        [{"id":"a","kind":"http","params":{"url":"https://example.com/{{input.path}}"}}]"""))
        .post("/workflows").then().statusCode(201).extract().path("id");
    given().contentType(ContentType.JSON).body(workflow("""
        [{"id":"a","kind":"http","params":{"url":"file:///etc/passwd"}}]""").replace("}]", "}],\"version\":0"))
        .put("/workflows/" + id).then().statusCode(422).contentType("application/problem+json")
        .body("detail", containsString("must be http or https"));
  }

  @Test
  void aWorkflowOfAMissingAgentIsAConflictAndAnEmptyOneInvalid() {
    given().contentType(ContentType.JSON).body(workflow("""
        [{"id":"a","kind":"template","params":{"text":"x"}}]""").replace("\"steps\"", "\"agentId\":\"00000000-0000-0000-0000-000000000001\",\"steps\""))
        .post("/workflows").then().statusCode(409).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body(workflow("[]")).post("/workflows").then().statusCode(422);
    given().queryParam("agentId", "nope").get("/workflows").then().statusCode(400);
  }
}
