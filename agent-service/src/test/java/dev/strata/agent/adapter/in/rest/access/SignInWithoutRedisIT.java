package dev.strata.agent.adapter.in.rest.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.testing.Authorized;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Without its attempt counter, password sign-in is refused (503), never let through uncounted. */
@QuarkusTest
@TestProfile(SignInWithoutRedisIT.RedisOnAClosedPort.class)
@QuarkusTestResource(StrataInfrastructure.class)
class SignInWithoutRedisIT {

  /** Redis where nothing listens. */
  public static class RedisOnAClosedPort implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1/1");
    }
  }

  @BeforeEach
  void noDefaultToken() {
    Authorized.reset();
  }

  @Test
  void theBootstrappedAdminsRightPasswordIsRefusedWith503AndRetryAfter() {
    given().contentType(ContentType.JSON).body("{\"username\":\"admin\",\"password\":\"test-admin-password\"}").post("/auth/token")
        .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "10").body("status", equalTo(503));
  }

  @Test
  void wrongPasswordsAreRefusedAlikeWithoutATokenEver() {
    for (int i = 0; i < 10; i++) {
      given().contentType(ContentType.JSON).body("{\"username\":\"admin\",\"password\":\"guess " + i + "\"}").post("/auth/token")
          .then().statusCode(503);
    }
  }
}
