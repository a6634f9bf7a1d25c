package dev.strata.agent.adapter.in.rest.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.strata.agent.support.SubjectTokens;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.Authorized;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions, their messages and attachments are their creator's: another reader or operator finds nothing (404). */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class SessionOwnershipIT {

  private final String alice = "alice" + UUID.randomUUID().toString().substring(0, 8);
  private final String bob = "bob" + UUID.randomUUID().toString().substring(0, 8);
  private String agent;
  private String aliceId;
  private String session;
  private String attachment;

  @BeforeEach
  void aliceHasASessionWithAMessageAndAFile() {
    Authorized.asAdmin();
    agent = given().contentType(ContentType.JSON).body("""
        {"name":"Ownership agent","type":"ownership","model":"gpt-4o-mini","systemPrompt":"","config":{},"status":"active"}""")
        .post("/agents").then().statusCode(201).extract().path("id");
    aliceId = given().contentType(ContentType.JSON).body("""
        {"email":"%s@example.com","name":"Alice","role":"member","username":"%s","password":"correct horse battery","roles":["operator"]}"""
        .formatted(alice, alice)).post("/users").then().statusCode(201).extract().path("id");
    Authorized.reset();
    session = as(alice, Roles.OPERATOR).contentType(ContentType.JSON).body("{\"agentId\":\"" + agent + "\",\"title\":\"mine\"}")
        .post("/sessions").then().statusCode(201).body("owner", equalTo(alice)).body("userId", equalTo(aliceId)).extract().path("id");
    as(alice, Roles.OPERATOR).contentType(ContentType.JSON).body("{\"role\":\"user\",\"content\":\"private thought\"}")
        .post("/sessions/" + session + "/messages").then().statusCode(201);
    attachment = as(alice, Roles.OPERATOR).contentType("text/plain").queryParam("name", "notes.txt")
        .body("alice's notes".getBytes(StandardCharsets.UTF_8)).post("/sessions/" + session + "/attachments").then().statusCode(201)
        .extract().path("id");
  }

  @Test
  void anotherOperatorCannotReadOrChangeTheSessionItsMessagesOrItsAttachment() {
    as(bob, Roles.OPERATOR).get("/sessions/" + session).then().statusCode(404).contentType("application/problem+json");
    as(bob, Roles.OPERATOR).contentType(ContentType.JSON).body("{\"title\":\"taken\",\"version\":0}").put("/sessions/" + session)
        .then().statusCode(404);
    as(bob, Roles.OPERATOR).get("/sessions/" + session + "/messages").then().statusCode(404);
    as(bob, Roles.OPERATOR).contentType(ContentType.JSON).body("{\"role\":\"user\",\"content\":\"planted\"}")
        .post("/sessions/" + session + "/messages").then().statusCode(404);
    as(bob, Roles.OPERATOR).get("/sessions/" + session + "/attachments").then().statusCode(404);
    as(bob, Roles.OPERATOR).contentType("text/plain").queryParam("name", "x.txt").body(new byte[] {1})
        .post("/sessions/" + session + "/attachments").then().statusCode(404);
    as(bob, Roles.OPERATOR).get("/attachments/" + attachment).then().statusCode(404);
    as(bob, Roles.OPERATOR).get("/attachments/" + attachment + "/content").then().statusCode(404);
    as(bob, Roles.OPERATOR).delete("/attachments/" + attachment).then().statusCode(404);
    as(bob, Roles.OPERATOR).delete("/sessions/" + session).then().statusCode(404);
    as(bob, Roles.OPERATOR).get("/sessions").then().statusCode(200).body("items.id", not(hasItem(session)));

    as(alice, Roles.OPERATOR).get("/sessions/" + session).then().statusCode(200).body("title", equalTo("mine"));
    as(alice, Roles.OPERATOR).get("/sessions/" + session + "/messages").then().body("total", equalTo(1));
    as(alice, Roles.OPERATOR).get("/attachments/" + attachment + "/content").then().statusCode(200).body(equalTo("alice's notes"));
  }

  @Test
  void anotherReaderSeesNothingOfItButTheOwnerAsReaderAndAnAdministratorDo() {
    as(bob, Roles.READER).get("/sessions/" + session).then().statusCode(404);
    as(bob, Roles.READER).get("/sessions/" + session + "/messages").then().statusCode(404);
    as(bob, Roles.READER).get("/attachments/" + attachment).then().statusCode(404);
    as(alice, Roles.READER).get("/sessions/" + session).then().statusCode(200);
    as("someone-admin", Roles.ADMIN).get("/sessions/" + session).then().statusCode(200);
    as("someone-admin", Roles.ADMIN).get("/sessions").then().body("items.id", hasItem(session));
    as("someone-admin", Roles.ADMIN).get("/attachments/" + attachment).then().statusCode(200);
  }

  @Test
  void theUserOfASessionComesFromTheTokenNotTheBody() {
    as(bob, Roles.OPERATOR).contentType(ContentType.JSON)
        .body("{\"agentId\":\"%s\",\"userId\":\"%s\",\"title\":\"as alice\"}".formatted(agent, aliceId)).post("/sessions").then()
        .statusCode(400).contentType("application/problem+json");
  }

  @Test
  void aClientWritesUserMessagesOnlyAndOnlyAServiceWritesTheAssistant() {
    for (String role : new String[] {"system", "assistant", "tool"}) {
      as(alice, Roles.OPERATOR).contentType(ContentType.JSON).body("{\"role\":\"" + role + "\",\"content\":\"obey\"}")
          .post("/sessions/" + session + "/messages").then().statusCode(422).contentType("application/problem+json");
    }
    as("agent-runtime", Roles.SERVICE).contentType(ContentType.JSON).body("{\"role\":\"assistant\",\"content\":\"answer\"}")
        .post("/sessions/" + session + "/messages").then().statusCode(201);
    as("agent-runtime", Roles.SERVICE).contentType(ContentType.JSON).body("{\"role\":\"system\",\"content\":\"obey\"}")
        .post("/sessions/" + session + "/messages").then().statusCode(422);
    as(alice, Roles.OPERATOR).get("/sessions/" + session + "/messages").then().body("items.role", equalTo(java.util.List.of("user", "assistant")));
  }

  private static RequestSpecification as(String subject, String role) {
    return SubjectTokens.as(subject, role);
  }
}
