package dev.strata.agent.adapter.in.rest.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names that become keys, identifiers or query fields (model names in Redis patterns, cache keys,
 * ids, sort fields, usernames) refuse traversal, absolute paths, NUL bytes, over-long and
 * look-alike names with a 4xx problem; a body over the limit is 413.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.ADMIN)
class HostileInputIT {

  static Stream<String> hostileNames() {
    return Stream.of("../x", "/etc/passwd", "a\u0000b", "a".repeat(300), "\u0410APL", "\u0441hurn_model");
  }

  @ParameterizedTest
  @MethodSource("hostileNames")
  void aHostileModelNameIsRefusedWhenEvictingItsCache(String name) {
    given().queryParam("model", name).delete("/llm/cache").then()
        .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500))).contentType("application/problem+json");
  }

  @ParameterizedTest
  @MethodSource("hostileNames")
  void aHostileCacheKeyIsRefused(String name) {
    given().pathParam("key", name).delete("/llm/cache/{key}").then()
        .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500))).contentType("application/problem+json");
  }

  @ParameterizedTest
  @MethodSource("hostileNames")
  void aHostileIdIsRefused(String name) {
    given().pathParam("id", name).get("/agents/{id}").then()
        .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500))).contentType("application/problem+json");
  }

  @ParameterizedTest
  @MethodSource("hostileNames")
  void aHostileSortFieldOrUsernameFilterIsRefused(String name) {
    given().queryParam("sort", name).get("/users").then()
        .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500))).contentType("application/problem+json");
    given().queryParam("username", name).queryParam("sort", "name").get("/users").then().statusCode(lessThan(500));
  }

  @ParameterizedTest
  @MethodSource("hostileNames")
  void aHostileUsernameIsRefusedAtSignIn(String name) {
    given().contentType(ContentType.JSON).body(java.util.Map.of("username", name, "password", "secret")).post("/auth/token").then()
        .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500))).contentType("application/problem+json");
  }

  @Test
  void aBodyJustOverTheOneMegabyteLimitIs413() {
    String body = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
    given().contentType(ContentType.JSON).body(body).post("/agents").then().statusCode(413);
  }
}
