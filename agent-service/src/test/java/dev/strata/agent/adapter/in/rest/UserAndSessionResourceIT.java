package dev.strata.agent.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.agent.support.SubjectTokens;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.ADMIN)
class UserAndSessionResourceIT {

  private static String user(String email) {
    return given().contentType(ContentType.JSON).body("""
        {"email":"%s","name":"Zoë Ünver","role":"member"}""".formatted(email)).post("/users").then().statusCode(201).extract().path("id");
  }

  @Test
  void usersAreUniqueByEmailIgnoringCaseAndVersioned() {
    String email = "z" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String id = user(email);
    given().contentType(ContentType.JSON).body("""
        {"email":"%s","name":"again","role":"member"}""".formatted(email.toUpperCase())).post("/users").then()
        .statusCode(409).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body("""
        {"email":"%s","name":"Zoë","role":"admin","version":0}""".formatted(email)).put("/users/" + id).then()
        .statusCode(200).body("role", equalTo("admin")).body("version", equalTo(1));
    given().queryParam("q", "zoë").queryParam("role", "admin").get("/users").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));
    given().contentType(ContentType.JSON).body("{\"email\":\"not-an-email\",\"name\":\"x\",\"role\":\"member\"}").post("/users").then().statusCode(422);
    given().contentType(ContentType.JSON).body("{\"email\":\"a@b.c\",\"name\":\"x\",\"role\":\"emperor\"}").post("/users").then().statusCode(422);
    given().queryParam("role", "emperor").get("/users").then().statusCode(422);
    given().delete("/users/" + id).then().statusCode(204);
  }

  @Test
  void aSessionBelongsToAnAgentKeepsItsMessagesInOrderAndGoesWithIt() {
    String agent = AgentResourceIT.create("Session agent", "sessions");
    String session = given().contentType(ContentType.JSON).body("""
        {"agentId":"%s","title":"Quarterly churn review","state":{"step":1}}""".formatted(agent))
        .post("/sessions").then().statusCode(201).body("state.step", equalTo(1)).extract().path("id");
    given().contentType(ContentType.JSON).body("{\"role\":\"user\",\"content\":\"Hi 👋\"}").post("/sessions/" + session + "/messages").then().statusCode(201);
    SubjectTokens.as("agent-runtime", Roles.SERVICE).contentType(ContentType.JSON).body("{\"role\":\"assistant\",\"content\":\"Hello\"}")
        .post("/sessions/" + session + "/messages").then().statusCode(201);
    given().get("/sessions/" + session + "/messages").then().statusCode(200)
        .body("total", equalTo(2)).body("items[0].content", equalTo("Hi 👋")).body("items[1].role", equalTo("assistant"));
    given().queryParam("agentId", agent).queryParam("q", "CHURN").get("/sessions").then().body("total", equalTo(1));
    given().contentType(ContentType.JSON).body("{\"role\":\"wizard\",\"content\":\"x\"}").post("/sessions/" + session + "/messages").then().statusCode(422);
    given().contentType(ContentType.JSON).body("{\"role\":\"user\",\"content\":\"x\"}").post("/sessions/" + UUID.randomUUID() + "/messages").then().statusCode(404);

    given().delete("/agents/" + agent).then().statusCode(204);
    given().get("/sessions/" + session).then().statusCode(404);
    given().get("/sessions/" + session + "/messages").then().statusCode(404);
  }

  @Test
  void aSessionOfAMissingAgentIsAConflictAndOneWithoutAnAgentInvalid() {
    given().contentType(ContentType.JSON).body("{\"agentId\":\"%s\",\"title\":\"t\"}".formatted(UUID.randomUUID())).post("/sessions").then()
        .statusCode(409).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body("{\"title\":\"t\"}").post("/sessions").then().statusCode(422);
    given().queryParam("userId", "x").get("/sessions").then().statusCode(400);
  }
}
