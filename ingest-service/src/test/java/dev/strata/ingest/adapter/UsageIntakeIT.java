package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.ingest.settings.IngestConfig;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.OPERATOR)
class UsageIntakeIT {

  @Inject IngestConfig config;

  @Test
  void usageEventsAsNdjsonLandOneFilePerUtcDay() {
    String ndjson = """
        {"customerId":"C00002","ts":"2024-06-01T23:59:00Z","event":"login"}
        {"customerId":"C00003","ts":"2024-06-02T00:01:00Z","event":"api_call","quantity":4,"attributes":{"plan":"pro"}}
        """;
    given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
        .post("/usage-events?jobId=usage-rest").then().statusCode(201).body("accepted", equalTo(2))
        .body("files.path", contains("dataset=usage/date=2024-06-01/usage-rest.parquet", "dataset=usage/date=2024-06-02/usage-rest.parquet"));
    assertThat(config.lake().root().resolve("dataset=usage/date=2024-06-02/usage-rest.manifest.json")).exists();
  }

  @Test
  void aBadEventRefusesAJsonArrayBatchUnlessBadRowsMayBeDropped() {
    String body = """
        [{"customerId":"C00002","ts":"2024-06-03T10:00:00Z","event":"login"},
         {"customerId":"C00002","ts":"2024-06-03T10:01:00Z","event":"call","quantity":-1}]""";
    given().contentType("application/json").body(body).post("/usage-events?jobId=usage-bad").then().statusCode(422)
        .contentType("application/problem+json").body("violations[0].field", equalTo("rows[1]"));
    assertThat(config.lake().root().resolve("dataset=usage/date=2024-06-03")).doesNotExist();

    given().contentType("application/json").body(body).post("/usage-events?jobId=usage-drop&mode=drop-bad-rows").then()
        .statusCode(201).body("accepted", equalTo(1)).body("rejected[0].policy", equalTo("non-negative-quantity"));
  }

  @Test
  void aFileInTheWayOfAnUnknownJobIsAConflictUnlessOverwriteIsAsked() throws Exception {
    var stranger = config.lake().root().resolve("dataset=usage/date=2024-06-05/usage-stranger.parquet");
    Files.createDirectories(stranger.getParent());
    Files.writeString(stranger, "not ours");
    String good = "[{\"customerId\":\"C1\",\"ts\":\"2024-06-05T10:00:00Z\",\"event\":\"x\"}]";

    given().contentType("application/json").body(good).post("/usage-events?jobId=usage-stranger").then().statusCode(409)
        .contentType("application/problem+json");
    assertThat(Files.readString(stranger)).isEqualTo("not ours");
    given().get("/jobs/usage-stranger").then().body("status", equalTo("FAILED"));

    given().contentType("application/json").body(good).post("/usage-events?jobId=usage-stranger&overwrite=true").then().statusCode(201);
    assertThat(Files.size(stranger)).isGreaterThan(100);
  }

  @Test
  void resubmittingAFailedJobReplacesWhatItsCrashedRunLeftBehind() throws Exception {
    given().contentType("application/json").body("[{\"customerId\":\"C1\",\"ts\":\"2024-06-04T10:00:00Z\",\"event\":\"x\",\"quantity\":-1}]")
        .post("/usage-events?jobId=usage-clash").then().statusCode(422);
    var leftover = config.lake().root().resolve("dataset=usage/date=2024-06-04/usage-clash.parquet");
    Files.createDirectories(leftover.getParent());
    Files.writeString(leftover, "left by a crashed run");
    String good = "[{\"customerId\":\"C1\",\"ts\":\"2024-06-04T10:00:00Z\",\"event\":\"x\"}]";

    given().contentType("application/json").body(good).post("/usage-events?jobId=usage-clash").then().statusCode(201);

    assertThat(Files.size(leftover)).isGreaterThan(100);
  }
}
