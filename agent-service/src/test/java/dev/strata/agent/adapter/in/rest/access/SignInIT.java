package dev.strata.agent.adapter.in.rest.access;

import dev.strata.testing.Authorized;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.strata.agent.support.SigningKey;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(SigningKey.class)
class SignInIT {

  private static final String ADMIN = TestTokens.bearer(Roles.ADMIN);

  @Inject Pool pool;
  @Inject MeterRegistry meters;

  @BeforeEach
  void sendNoDefaultToken() {
    Authorized.reset();
  }

  private static String username() {
    return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static String createUser(String username, String password, String role) {
    return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
        {"email":"%s@example.com","name":"%s","role":"member","username":"%s","password":"%s","roles":["%s"]}"""
        .formatted(username, username, username, password, role))
        .post("/users").then().statusCode(201)
        .body("passwordHash", nullValue()).body("password", nullValue()).body("roles", hasItem(role))
        .extract().path("id");
  }

  private static io.restassured.response.Response signIn(String username, String password) {
    return given().contentType(ContentType.JSON).body("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password))
        .post("/auth/token");
  }

  @Test
  void theBootstrappedAdminSignsInAndItsTokenAdministers() {
    String token = signIn("admin", "test-admin-password").then().statusCode(200)
        .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(3600)).extract().path("access_token");
    given().header("Authorization", "Bearer " + token).get("/users").then().statusCode(200);
  }

  @Test
  void aUserSignsInAndTheTokenWorksOnAReaderEndpointButNotBeyondItsRole() {
    String username = username();
    createUser(username, "correct horse battery", Roles.READER);
    String token = signIn(username, "correct horse battery").then().statusCode(200).extract().path("access_token");
    given().header("Authorization", "Bearer " + token).get("/agents").then().statusCode(200);
    given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("{}").post("/agents").then().statusCode(403);
  }

  @Test
  void aWrongPasswordIs401ProblemJsonAndCountedAndTheSourceIsAudited() {
    String username = username();
    createUser(username, "correct horse battery", Roles.OPERATOR);
    double before = failures();
    signIn(username, "wrong password").then().statusCode(401).contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer").body("detail", not(org.hamcrest.Matchers.containsString("wrong password")));
    signIn("nobody-" + username, "whatever").then().statusCode(401).contentType("application/problem+json");
    assertThat(failures() - before).isEqualTo(2.0);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditedFailuresFromLocalhost()).isEqualTo(1));
    String audited = given().header("Authorization", ADMIN).queryParam("resource", "POST /auth/token").get("/audit").asString();
    assertThat(audited).doesNotContain("wrong password");
  }

  @Test
  void aSixthSignInAfterFiveFailuresWithinTheWindowIs429() {
    String username = username();
    createUser(username, "correct horse battery", Roles.READER);
    for (int i = 0; i < 5; i++) {
      signIn(username, "wrong password " + i).then().statusCode(401);
    }
    signIn(username, "correct horse battery").then().statusCode(429).contentType("application/problem+json");
  }

  @Test
  void anApiKeyIsShownOnceExchangedForATokenAndStopsWorkingWhenRevoked() {
    var created = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
        .body("{\"name\":\"loader\",\"roles\":[\"operator\"]}").post("/api-keys").then().statusCode(201)
        .body("key", notNullValue()).body("keyHash", nullValue()).extract();
    String id = created.path("id");
    String key = created.path("key");
    given().header("Authorization", ADMIN).get("/api-keys/" + id).then().statusCode(200).body("key", nullValue()).body("keyHash", nullValue());

    String token = given().contentType(ContentType.JSON).body("{\"apiKey\":\"%s\"}".formatted(key)).post("/auth/token")
        .then().statusCode(200).extract().path("access_token");
    given().header("Authorization", "Bearer " + token).get("/agents").then().statusCode(200);
    given().header("Authorization", "Bearer " + token).get("/users").then().statusCode(403);

    given().header("Authorization", ADMIN).delete("/api-keys/" + id).then().statusCode(204);
    given().contentType(ContentType.JSON).body("{\"apiKey\":\"%s\"}".formatted(key)).post("/auth/token").then().statusCode(401);
    given().contentType(ContentType.JSON).body("{\"apiKey\":\"sk_unknown\"}").post("/auth/token").then().statusCode(401);
  }

  @Test
  void passwordsAndKeysAreStoredOnlyAsHashes() throws Exception {
    String username = username();
    createUser(username, "correct horse battery", Roles.READER);
    String hash = pool.preparedQuery("SELECT password_hash FROM agent.users WHERE username = $1").execute(Tuple.of(username))
        .await().atMost(Duration.ofSeconds(5)).iterator().next().getString(0);
    assertThat(hash).isNotEqualTo("correct horse battery").startsWith("$2");

    String key = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
        .body("{\"name\":\"hashed\",\"roles\":[\"reader\"]}").post("/api-keys").then().statusCode(201).extract().path("key");
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    long clear = pool.preparedQuery("SELECT count(*) FROM agent.api_keys WHERE key_hash = $1").execute(Tuple.of(key))
        .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    long hashed = pool.preparedQuery("SELECT count(*) FROM agent.api_keys WHERE key_hash = $1").execute(Tuple.of(digest))
        .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    assertThat(clear).isZero();
    assertThat(hashed).isEqualTo(1);
  }

  @Test
  void twoHundredParallelWrongPasswordsReachTheHashAtMostTheLimitTimes() throws Exception {
    String username = username();
    createUser(username, "correct horse battery", Roles.READER);
    double before = passwordChecks();
    ExecutorService clients = Executors.newFixedThreadPool(32);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String guess = "guess number " + i;
        answers.add(clients.submit(() -> signIn(username, guess).statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS)).isIn(401, 429);
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(passwordChecks() - before).isLessThanOrEqualTo(5);
    signIn(username, "correct horse battery").then().statusCode(429);
  }

  @Test
  void aPasswordLongerThanBcryptReadsIsRefusedNotTruncated() {
    String seventyThree = "p".repeat(73);
    signIn(username(), seventyThree).then().statusCode(422).contentType("application/problem+json");
    given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
        {"email":"%s@example.com","name":"long","role":"member","username":"%s","password":"%s","roles":["reader"]}"""
        .formatted(username(), username(), seventyThree)).post("/users").then().statusCode(422).contentType("application/problem+json");
  }

  @Test
  void aSuccessfulSignInIsAuditedWithItsSource() {
    String username = username();
    createUser(username, "correct horse battery", Roles.READER);
    signIn(username, "correct horse battery").then().statusCode(200);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        given().header("Authorization", ADMIN).queryParam("actor", username).get("/audit").then().statusCode(200)
            .body("items.find { it.action == 'authenticate' && it.outcome == 'SUCCESS' }.details.source", equalTo("127.0.0.1")));
  }

  @Test
  void repeatedFailuresFromOneSourceAreCountedEachButAuditedOncePerWindow() {
    double before = failures();
    for (int i = 0; i < 12; i++) {
      signIn("nobody" + i + username(), "whatever").then().statusCode(401);
    }
    assertThat(failures() - before).isEqualTo(12.0);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(auditedFailuresFromLocalhost()).isEqualTo(1));
  }

  private int auditedFailuresFromLocalhost() {
    List<Map<String, Object>> items = given().header("Authorization", ADMIN).queryParam("resource", "POST /auth/token").queryParam("limit", 200)
        .get("/audit").then().statusCode(200).extract().path("items");
    return (int) items.stream().filter(item -> "FAILURE".equals(item.get("outcome")))
        .filter(item -> "127.0.0.1".equals(((Map<?, ?>) item.get("details")).get("source"))).count();
  }

  private double passwordChecks() {
    return meters.counter("agent.auth.password.checks").count();
  }

  private double failures() {
    return meters.counter("agent.auth.failures", "reason", "invalid credentials").count();
  }

  @Test
  void aMalformedOrMixedSignInRequestIsRefusedAs4xx() {
    given().contentType(ContentType.JSON).body("{\"username\":\"../x\",\"password\":\"p\"}").post("/auth/token").then()
        .statusCode(422).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body("{\"username\":\"a\",\"password\":\"p\",\"apiKey\":\"k\"}").post("/auth/token").then()
        .statusCode(422).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body("{}").post("/auth/token").then().statusCode(422);
  }
}
