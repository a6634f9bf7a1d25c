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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real REST adapter against an HTTP server that refuses its requests with a 4xx (this service's
 * own, which has no such route: what a warehouse without the endpoint answers). A refusal is about
 * the request, not the warehouse's health: however many there are, the circuit stays closed.
 */
@QuarkusTest
@TestProfile(WarehouseRefusalIT.WarehouseRefuses.class)
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(TemporaryModelFolder.class)
@ActingAs(Roles.ADMIN)
class WarehouseRefusalIT {

  /** The REST adapter instead of the Telco slice, pointed at this service's own port under a path it does not serve. */
  public static class WarehouseRefuses implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      int port = freePort();
      return Map.of(
          "quarkus.arc.exclude-types", "dev.strata.scoring.TelcoCustomerFeatures",
          "quarkus.http.test-port", String.valueOf(port),
          "quarkus.rest-client.warehouse.url", "http://127.0.0.1:" + port + "/no-warehouse-here");
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Inject ModelTrainer trainer;

  @BeforeEach
  void champions() {
    UploadedChampions.ensure(trainer);
  }

  @Test
  void refusedRequestsNeverOpenTheCircuitForEveryoneElse() {
    // requestVolumeThreshold is 10 attempts and a failed call is tried 3 times: 20 calls would open it many times over
    for (int i = 0; i < 20; i++) {
      Response answer = given().contentType(ContentType.JSON).body(Map.of("customerIds", List.of("C00002")))
          .post("/scores/customers");
      assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(500);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.asString()).contains("incident").doesNotContain("recover");
    }
  }
}
