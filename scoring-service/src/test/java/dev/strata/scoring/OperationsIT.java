package dev.strata.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.OpenApiOperations;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(TemporaryModelFolder.class)
class OperationsIT {

  @Test
  void readinessReportsTheModelRegistryAndTheBroker() {
    given().get("/q/health/ready").then().statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("model-registry"));
  }

  @Test
  void prometheusMetricsAreServed() {
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
  }

  @Test
  void theOpenApiDocumentDescribesInferenceScoringAndAdministration() {
    given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
        .body(containsString("/v2/models/{name}/infer"))
        .body(containsString("/scores/customers"))
        .body(containsString("/models/{name}/versions"));
    assertThat(OpenApiOperations.duplicateIds()).as("operation ids used twice").isEmpty();
    assertThat(OpenApiOperations.unexplained()).as("operations a client cannot learn from the document").isEmpty();
  }
}
