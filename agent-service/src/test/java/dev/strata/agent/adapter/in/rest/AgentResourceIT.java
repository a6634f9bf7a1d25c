package dev.strata.agent.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.ADMIN)
class AgentResourceIT {

  static String agentJson(String name, String type) {
    return """
        {"name":"%s","type":"%s","model":"gpt-4o-mini","systemPrompt":"be brief","config":{"temperature":0.2},"status":"active"}"""
        .formatted(name, type);
  }

  static String create(String name, String type) {
    return given().contentType(ContentType.JSON).body(agentJson(name, type))
        .post("/agents").then().statusCode(201).extract().path("id");
  }

  private static ValidatableResponse problem(ValidatableResponse response, int status) {
    return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
  }

  @Test
  void anAgentIsCreatedReadUpdatedAndDeleted() {
    String id = create("Support bot", "support");
    given().get("/agents/" + id).then().statusCode(200)
        .body("name", equalTo("Support bot")).body("config.temperature", equalTo(0.2f)).body("version", equalTo(0));

    given().contentType(ContentType.JSON)
        .body("""
            {"name":"Support bot 2","type":"support","model":"gpt-4o","status":"inactive","version":0}""")
        .put("/agents/" + id).then().statusCode(200).body("version", equalTo(1)).body("status", equalTo("inactive"));

    given().delete("/agents/" + id).then().statusCode(204);
    problem(given().get("/agents/" + id).then(), 404);
    problem(given().delete("/agents/" + id).then(), 404);
  }

  @Test
  void anUpdateWithAStaleVersionIsAConflict() {
    String id = create("Stale", "stale");
    String body = """
        {"name":"Stale","type":"stale","model":"m","version":0}""";
    given().contentType(ContentType.JSON).body(body).put("/agents/" + id).then().statusCode(200);
    problem(given().contentType(ContentType.JSON).body(body).put("/agents/" + id).then(), 409)
        .body("detail", containsString("stale"));
  }

  @Test
  void twoConcurrentUpdatersOfTheSameVersionNeverBothWin() {
    String id = create("Racer", "racer");
    List<CompletableFuture<Integer>> racers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String body = """
          {"name":"Racer %d","type":"racer","model":"m","version":0}""".formatted(i);
      racers.add(CompletableFuture.supplyAsync(() ->
          given().contentType(ContentType.JSON).body(body).put("/agents/" + id).then().extract().statusCode()));
    }
    List<Integer> statuses = racers.stream().map(CompletableFuture::join).toList();
    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    given().get("/agents/" + id).then().body("version", equalTo(1));
  }

  @Test
  void listsFilterSortSearchAndCountTheTotal() {
    String type = "lister" + UUID.randomUUID().toString().substring(0, 6);
    create("Bravo", type);
    create("alpha", type);
    create("Charlie Ünïcode", type);
    given().queryParam("type", type).queryParam("sort", "name").queryParam("limit", 2).get("/agents").then().statusCode(200)
        .body("total", equalTo(3)).body("items", hasSize(2)).body("items[0].name", equalTo("Bravo"));
    given().queryParam("type", type).queryParam("sort", "-name").get("/agents").then()
        .body("items[0].name", equalTo("alpha"));
    given().queryParam("type", type).queryParam("q", "ÜNÏ").get("/agents").then()
        .body("total", equalTo(1)).body("items[0].name", equalTo("Charlie Ünïcode"));
    given().queryParam("q", "%' OR 1=1; --").get("/agents").then().statusCode(200).body("total", equalTo(0));
    given().queryParam("q", "_").queryParam("type", type).get("/agents").then().statusCode(200).body("total", equalTo(0));
    given().queryParam("status", "active").get("/agents").then().statusCode(200).body("total", greaterThanOrEqualTo(3));
  }

  @Test
  void aHugeLimitIsClampedAndANegativeOrMalformedOneRefused() {
    given().queryParam("limit", 100000).get("/agents").then().statusCode(200).body("limit", lessThanOrEqualTo(200));
    problem(given().queryParam("limit", -1).get("/agents").then(), 400);
    problem(given().queryParam("offset", -5).get("/agents").then(), 400);
    problem(given().queryParam("limit", "99999999999999").get("/agents").then(), 400);
    problem(given().queryParam("limit", "ten").get("/agents").then(), 400);
  }

  @Test
  void badInputIsAProblemNeverAServerError() {
    problem(given().contentType(ContentType.JSON).body("{\"name\":").post("/agents").then(), 400);
    problem(given().contentType(ContentType.JSON)
        .body(agentJson("x", "t").replace("\"status\":\"active\"}", "\"status\":\"active\",\"sneaky\":1}")).post("/agents").then(), 400)
        .body("detail", containsString("sneaky"));
    problem(given().contentType(ContentType.JSON).body(agentJson("n".repeat(101), "t")).post("/agents").then(), 422)
        .body("violations[0].field", equalTo("name"));
    problem(given().contentType(ContentType.JSON).body(agentJson("ok", "Bad Type")).post("/agents").then(), 422);
    problem(given().contentType(ContentType.JSON).body(agentJson("ok", "t").replace("active", "sleeping")).post("/agents").then(), 400);
    problem(given().contentType(ContentType.TEXT).body("name=x").post("/agents").then(), 415);
    problem(given().get("/agents/not-a-uuid").then(), 400);
    problem(given().queryParam("sort", "password").get("/agents").then(), 422);
    problem(given().queryParam("status", "sleeping").get("/agents").then(), 422);
    problem(given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"type\":\"t\",\"model\":\"m\"}")
        .put("/agents/" + UUID.randomUUID()).then(), 422);
    problem(given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"type\":\"t\",\"model\":\"m\",\"version\":0}")
        .put("/agents/" + UUID.randomUUID()).then(), 404);
  }
}
