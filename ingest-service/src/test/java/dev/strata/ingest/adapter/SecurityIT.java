package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Per resource class: no token is 401 problem+json, a token of too weak a role 403, the least role
 * an endpoint names (or a higher one) gets through, and a token signed by an untrusted key is 401.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class SecurityIT {

  /** A validly signed token whose role the platform does not know: it may read nothing. */
  private static final String NO_KNOWN_ROLE = "guest";

  private static final String ONE_BAR = "date,open,high,low,close,volume\n2013-01-02,10,11,9,10.5,100\n";

  private static RequestSpecification as(String role) {
    return given().header("Authorization", TestTokens.bearer(role));
  }

  private static RequestSpecification signedByAnotherKey() {
    return given().header("Authorization", TestTokens.bearerSignedByAnotherKey(Roles.ADMIN));
  }

  private static void unauthenticated(ValidatableResponse response) {
    response.statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
        .body("status", equalTo(401));
  }

  private static void forbidden(ValidatableResponse response) {
    response.statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
  }

  private static ValidatableResponse postBars(RequestSpecification request, String jobId) {
    return request.contentType("text/csv").body(ONE_BAR).post("/bars?symbol=SECB&frame=1d&jobId=" + jobId).then();
  }

  @Test
  void barsIntakeNeedsAnOperatorAndReadingBarsAReader() {
    unauthenticated(postBars(given(), "sec-bars-anonymous"));
    forbidden(postBars(as(Roles.READER), "sec-bars-reader"));
    postBars(as(Roles.OPERATOR), "sec-bars-operator").statusCode(201);
    postBars(as(Roles.SERVICE), "sec-bars-service").statusCode(201);
    unauthenticated(postBars(signedByAnotherKey(), "sec-bars-foreign"));

    unauthenticated(given().get("/bars/SECB?frame=1d").then());
    forbidden(as(NO_KNOWN_ROLE).get("/bars/SECB?frame=1d").then());
    as(Roles.READER).get("/bars/SECB?frame=1d").then().statusCode(200).body(org.hamcrest.Matchers.containsString("SECB"));
    unauthenticated(signedByAnotherKey().get("/bars/SECB?frame=1d").then());
  }

  @Test
  void jobsAreReadByAReader() {
    postBars(as(Roles.OPERATOR), "sec-job").statusCode(201);

    unauthenticated(given().get("/jobs/sec-job").then());
    unauthenticated(given().get("/jobs/sec-job/bars").then());
    forbidden(as(NO_KNOWN_ROLE).get("/jobs/sec-job").then());
    forbidden(as(NO_KNOWN_ROLE).get("/jobs/sec-job/bars").then());
    as(Roles.READER).get("/jobs/sec-job").then().statusCode(200).body("status", equalTo("COMPLETED"));
    as(Roles.READER).get("/jobs/sec-job/bars").then().statusCode(200).body("bars.SECB.size()", equalTo(1));
    unauthenticated(signedByAnotherKey().get("/jobs/sec-job").then());
  }

  @Test
  void usageIntakeNeedsAnOperator() {
    String events = "[{\"customerId\":\"c-1\",\"ts\":\"2024-03-01T10:00:00Z\",\"event\":\"login\"}]";
    unauthenticated(given().contentType("application/json").body(events).post("/usage-events?jobId=sec-usage-anonymous").then());
    forbidden(as(Roles.READER).contentType("application/json").body(events).post("/usage-events?jobId=sec-usage-reader").then());
    as(Roles.OPERATOR).contentType("application/json").body(events).post("/usage-events?jobId=sec-usage-operator").then()
        .statusCode(201);
    unauthenticated(signedByAnotherKey().contentType("application/json").body(events).post("/usage-events?jobId=sec-usage-foreign")
        .then());
  }

  @Test
  void providerPullsNeedAnOperator() {
    // a weekend has no trading day to fill, so the pull answers without calling the provider
    String weekend = "{\"symbol\":\"SECP\",\"frame\":\"1d\",\"from\":\"2013-01-05\",\"to\":\"2013-01-06\"}";
    unauthenticated(given().contentType("application/json").body(weekend).post("/pulls").then());
    forbidden(as(Roles.READER).contentType("application/json").body(weekend).post("/pulls").then());
    as(Roles.OPERATOR).contentType("application/json").body(weekend).post("/pulls").then().statusCode(200)
        .body("symbol", equalTo("SECP"));
    unauthenticated(signedByAnotherKey().contentType("application/json").body(weekend).post("/pulls").then());
  }

  @Test
  void healthMetricsAndOpenApiStayOpen() {
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
    given().get("/q/openapi").then().statusCode(200);
  }
}
