package dev.strata.agent.adapter.in.rest.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.agent.support.SigningKey;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.Authorized;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens taken back: a user's changed role, a deleted user, a revoked API key stop their tokens on
 * every service within seconds (here, agent-service's own verification, fed by the broadcast over the
 * real broker); services get short-lived tokens of their own for the shared secret.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(SigningKey.class)
class TokenRevocationsIT {

  private static final String ADMIN = TestTokens.bearer(Roles.ADMIN);
  private static final String SERVICE_SECRET = "test-only-service-secret-of-32-characters-or-more";
  // the broadcast repeats every second in tests; a revocation arrives well within this
  private static final Duration WITHIN = Duration.ofSeconds(10);

  @Inject Pool pool;

  @BeforeEach
  void sendNoDefaultToken() {
    Authorized.reset();
  }

  @Test
  void aUsersTokensStopWorkingWhenTheirRoleIsLoweredAndTheirNextSignInCarriesTheNewRole() {
    String username = username();
    String id = createUser(username, Roles.OPERATOR);
    String before = signIn(username);
    // an operator may write: this incomplete agent is refused for what it is (422), not for who sent it (403)
    given().header("Authorization", "Bearer " + before).contentType(ContentType.JSON).body("{\"name\":\"a\"}").post("/agents")
        .then().statusCode(422);

    int version = given().header("Authorization", ADMIN).get("/users/" + id).then().extract().path("version");
    given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
        {"email":"%s@example.com","name":"%s","role":"member","username":"%s","roles":["reader"],"version":%d}"""
        .formatted(username, username, username, version)).put("/users/" + id).then().statusCode(200);

    await().atMost(WITHIN).until(() -> given().header("Authorization", "Bearer " + before).get("/agents").statusCode() == 401);
    given().header("Authorization", "Bearer " + before).get("/agents").then().statusCode(401)
        .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    String after = signIn(username);
    given().header("Authorization", "Bearer " + after).get("/agents").then().statusCode(200);
    given().header("Authorization", "Bearer " + after).contentType(ContentType.JSON).body("{\"name\":\"a\"}").post("/agents")
        .then().statusCode(403);
  }

  @Test
  void aDeletedUsersTokensStopWorkingAndAnotherUsersDoNot() {
    String gone = username();
    String kept = username();
    String id = createUser(gone, Roles.READER);
    createUser(kept, Roles.READER);
    String goneToken = signIn(gone);
    String keptToken = signIn(kept);

    given().header("Authorization", ADMIN).delete("/users/" + id).then().statusCode(204);

    await().atMost(WITHIN).until(() -> given().header("Authorization", "Bearer " + goneToken).get("/agents").statusCode() == 401);
    given().header("Authorization", "Bearer " + keptToken).get("/agents").then().statusCode(200);
  }

  @Test
  void aRevokedApiKeysTokensStopWorking() {
    var created = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
        .body("{\"name\":\"loader-%s\",\"roles\":[\"reader\"]}".formatted(UUID.randomUUID().toString().substring(0, 8)))
        .post("/api-keys").then().statusCode(201).extract();
    String key = created.path("key");
    String id = created.path("id");
    String token = given().contentType(ContentType.JSON).body("{\"apiKey\":\"%s\"}".formatted(key)).post("/auth/token")
        .then().statusCode(200).extract().path("access_token");
    given().header("Authorization", "Bearer " + token).get("/agents").then().statusCode(200);

    given().header("Authorization", ADMIN).delete("/api-keys/" + id).then().statusCode(204);

    await().atMost(WITHIN).until(() -> given().header("Authorization", "Bearer " + token).get("/agents").statusCode() == 401);
  }

  @Test
  void aRevocationThisInstanceMissedArrivesWithTheRepeatedBroadcast() {
    String username = username();
    createUser(username, Roles.READER);
    String token = signIn(username);
    // written as another replica would have, without this instance hearing its first broadcast
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    pool.preparedQuery("INSERT INTO agent.token_revocations (subject, revoked_at) VALUES ($1, $2)")
        .execute(Tuple.of(username, now)).await().indefinitely();

    await().atMost(WITHIN).until(() -> given().header("Authorization", "Bearer " + token).get("/agents").statusCode() == 401);
  }

  @Test
  void aServiceGetsAShortLivedServiceTokenForTheSharedSecretNamingItsKey() {
    var answer = given().header("Authorization", basic("scoring-service", SERVICE_SECRET)).post("/auth/service-token")
        .then().statusCode(200).body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900)).extract();
    String token = answer.path("access_token");
    Map<String, Object> header = decode(token.substring(0, token.indexOf('.')));
    Map<String, Object> claims = decode(token.split("\\.")[1]);
    assertThat(header).containsEntry("kid", "strata-1");
    assertThat(claims).containsEntry("sub", "service:scoring-service").containsKey("tver");
    given().header("Authorization", "Bearer " + token).get("/agents").then().statusCode(200);
  }

  @Test
  void aWrongOrMissingServiceSecretIsRefusedAs401ProblemJson() {
    given().header("Authorization", basic("scoring-service", SERVICE_SECRET + "x")).post("/auth/service-token")
        .then().statusCode(401).contentType("application/problem+json");
    given().header("Authorization", basic("scoring-service", "")).post("/auth/service-token").then().statusCode(401);
    given().header("Authorization", "Basic not-base64!").post("/auth/service-token").then().statusCode(401);
    given().header("Authorization", basic("../etc", SERVICE_SECRET)).post("/auth/service-token").then().statusCode(401);
    given().post("/auth/service-token").then().statusCode(401).contentType("application/problem+json");
  }

  private static String basic(String name, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((name + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> decode(String part) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(Base64.getUrlDecoder().decode(part), Map.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String username() {
    return "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static String createUser(String username, String role) {
    return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
        {"email":"%s@example.com","name":"%s","role":"member","username":"%s","password":"correct horse battery","roles":["%s"]}"""
        .formatted(username, username, username, role)).post("/users").then().statusCode(201).extract().path("id");
  }

  private static String signIn(String username) {
    return given().contentType(ContentType.JSON).body("{\"username\":\"%s\",\"password\":\"correct horse battery\"}".formatted(username))
        .post("/auth/token").then().statusCode(200).extract().path("access_token");
  }
}
