package dev.strata.support.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.Broker;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class BearerTokensIT {

  @Inject JWTParser parser;

  @Test
  void aVerifiedTokenIsRememberedWithItsRolesAndATamperedCopyIsStillRefused() {
    String token = TestTokens.token(Roles.READER);
    given().header("Authorization", "Bearer " + token).get("/guarded").then().statusCode(200);

    assertThat(parser).isInstanceOf(CachingJwtParser.class);
    assertThat(((CachingJwtParser) parser).remembers(token)).isTrue();
    // served from memory, the token keeps exactly its roles
    given().header("Authorization", "Bearer " + token).get("/guarded").then().statusCode(200);
    given().header("Authorization", "Bearer " + token).post("/guarded").then().statusCode(403);

    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    given().header("Authorization", "Bearer " + tampered).get("/guarded").then().statusCode(401);
    assertThat(((CachingJwtParser) parser).remembers(tampered)).isFalse();
  }

  @Test
  void withoutATokenTheAnswerIs401ProblemJson() {
    given().get("/guarded").then().statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("status", equalTo(401));
  }

  @Test
  void aTooWeakRoleIs403() {
    given().header("Authorization", TestTokens.bearer(Roles.READER)).post("/guarded").then()
        .statusCode(403).contentType("application/problem+json");
    given().header("Authorization", TestTokens.bearer(Roles.OPERATOR)).post("/guarded/admin").then().statusCode(403);
    given().header("Authorization", TestTokens.bearer(Roles.SERVICE)).post("/guarded/admin").then().statusCode(403);
  }

  @Test
  void theRightRoleOrAHigherOneSucceeds() {
    given().header("Authorization", TestTokens.bearer(Roles.READER)).get("/guarded").then().statusCode(200);
    given().header("Authorization", TestTokens.bearer(Roles.OPERATOR)).get("/guarded").then().statusCode(200);
    given().header("Authorization", TestTokens.bearer(Roles.OPERATOR)).post("/guarded").then().statusCode(200);
    given().header("Authorization", TestTokens.bearer(Roles.SERVICE)).post("/guarded").then().statusCode(200);
    given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).post("/guarded/admin").then().statusCode(200);
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() {
    given().header("Authorization", TestTokens.bearerSignedByAnotherKey(Roles.ADMIN)).get("/guarded").then()
        .statusCode(401).contentType("application/problem+json");
  }

  @Test
  void healthAndMetricsStayOpen() {
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
  }

  @Test
  void authenticationAndAuthorizationFailuresAreAudited() throws Exception {
    try (Broker broker = Broker.connect(Map.of())) {
      broker.purge(Queues.AUDIT_LOG);
      given().header("Authorization", TestTokens.bearerSignedByAnotherKey(Roles.ADMIN)).get("/guarded").then().statusCode(401);
      given().header("Authorization", TestTokens.bearer(Roles.READER)).post("/guarded/admin").then().statusCode(403);

      List<AuditEvent> events = new ArrayList<>();
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        var delivery = broker.take(Queues.AUDIT_LOG);
        if (delivery != null) {
          events.add(new EnvelopeCodec().decode(delivery.getBody(), MessageType.AUDIT_EVENT).payload());
        }
        return events.size() >= 2;
      });
      assertThat(events).extracting(AuditEvent::action, AuditEvent::outcome).contains(
          org.assertj.core.groups.Tuple.tuple("authenticate", AuditEvent.Outcome.FAILURE),
          org.assertj.core.groups.Tuple.tuple("authorize", AuditEvent.Outcome.DENIED));
      assertThat(events).filteredOn(e -> e.action().equals("authorize"))
          .allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("test-reader");
            assertThat(e.resource()).isEqualTo("POST /guarded/admin");
          });
    }
  }
}
