package dev.strata.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import org.junit.jupiter.api.Test;

/**
 * What an operator relies on in every service: liveness, readiness that checks real
 * dependencies, Prometheus metrics and the OpenAPI document. A service's {@code EndpointsIT}
 * extends this with {@code @QuarkusTest @QuarkusTestResource(StrataInfrastructure.class)}.
 */
public abstract class OperatorEndpointsContract {

  /** The name of a readiness check this service must report, e.g. a datasource or DuckDB. */
  protected abstract String[] readinessChecks();

  @Test
  void livenessIsUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void readinessIsUpAndChecksTheRealDependencies() {
    var body = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    for (String check : readinessChecks()) {
      body.body("checks.name", org.hamcrest.Matchers.hasItem(containsString(check)));
    }
  }

  @Test
  void prometheusMetricsAreExposed() {
    given().get("/q/metrics").then().statusCode(200)
        .body(containsString("jvm_memory_used_bytes"))
        .body(containsString("process_uptime_seconds"));
  }

  @Test
  void theOpenApiDocumentIsServed() {
    given().accept("application/json").get("/q/openapi").then().statusCode(200)
        .body("openapi", not(emptyOrNullString()))
        .body("paths", org.hamcrest.Matchers.notNullValue());
    org.hamcrest.MatcherAssert.assertThat("operation ids used twice", OpenApiOperations.duplicateIds(), org.hamcrest.Matchers.empty());
    org.hamcrest.MatcherAssert.assertThat("operations a client cannot learn from the document", OpenApiOperations.unexplained(),
        org.hamcrest.Matchers.empty());
  }
}
