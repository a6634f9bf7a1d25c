package dev.strata.scoring.adapter.out.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.kernel.security.Roles;
import dev.strata.scoring.TemporaryModelFolder;
import dev.strata.scoring.UploadedChampions;
import dev.strata.scoring.domain.training.ModelTrainer;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real REST adapter with warehouse-service down (nothing listens where it should be): every
 * scoring request is a 503 the caller may retry, before and after the circuit opens, never a 500.
 */
@QuarkusTest
@TestProfile(WarehouseOutageIT.WarehouseDown.class)
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(TemporaryModelFolder.class)
@ActingAs(Roles.ADMIN)
class WarehouseOutageIT {

  /** The REST adapter instead of the Telco slice, pointed at a port no server listens on. */
  public static class WarehouseDown implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.arc.exclude-types", "dev.strata.scoring.TelcoCustomerFeatures",
          "quarkus.rest-client.warehouse.url", "http://127.0.0.1:1");
    }
  }

  @Inject ModelTrainer trainer;

  @BeforeEach
  void champions() {
    UploadedChampions.ensure(trainer);
  }

  @Test
  void onceTheCircuitOpensCallersGet503WithRetryAfterInsteadOf500() {
    List<Response> answers = new ArrayList<>();
    Response last;
    do {
      last = given().contentType(ContentType.JSON).body(Map.of("customerIds", List.of("C00002")))
          .post("/scores/customers");
      answers.add(last);
    } while (!last.asString().contains("given time to recover") && answers.size() < 30);

    assertThat(last.asString()).as("the circuit opened within 30 requests").contains("given time to recover");
    assertThat(last.header("Retry-After")).isEqualTo(String.valueOf(WarehouseCustomerFeatures.BREAKER_DELAY_SECONDS));
    for (Response answer : answers) {
      assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.header("Retry-After")).isNotBlank();
    }
  }
}
