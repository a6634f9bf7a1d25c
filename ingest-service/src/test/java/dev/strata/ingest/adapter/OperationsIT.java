package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.OpenApiOperations;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class OperationsIT {

  @Test
  void readinessCoversPostgresRabbitMqAndTheLakeFolder() {
    // the RabbitMQ channels connect asynchronously after start
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
        .body("checks.name", hasItems("parquet-lake", "Reactive PostgreSQL connections health check"))
        .body("checks.name", hasItems("SmallRye Reactive Messaging - readiness check"))
        .body(containsString("bars")).body(containsString("dataset-ingested"));
  }

  @Test
  void prometheusMetricsAndTheOpenApiDocumentAreServed() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    given().get("/q/openapi").then().statusCode(200)
        .body(containsString("/bars/{symbol}")).body(containsString("/usage-events")).body(containsString("/pulls"))
        .body(containsString("/jobs/{id}/bars"));
    assertThat(OpenApiOperations.duplicateIds()).as("operation ids used twice").isEmpty();
    assertThat(OpenApiOperations.unexplained()).as("operations a client cannot learn from the document").isEmpty();
  }
}
