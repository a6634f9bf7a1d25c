package dev.strata.warehouse.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.OpenApiOperations;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.warehouse.TestLake;
import dev.strata.warehouse.TestLake.BarRow;
import dev.strata.warehouse.WarehouseTestRun;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbFileLedger;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
@ActingAs(Roles.OPERATOR)
class ChartsAndOpsIT {

  @Inject DuckDbFileLedger ledger;

  private String promotedBars() {
    String symbol = "C" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
    String runId = "run-" + UUID.randomUUID();
    DatasetIngested event = TestLake.bars(WarehouseTestRun.lake(), runId, Instant.now(),
        new BarRow(symbol, "1d", Instant.parse("2024-05-01T00:00:00Z"), 10, 12, 9, 11, 500, false),
        new BarRow(symbol, "1d", Instant.parse("2024-05-02T00:00:00Z"), 11, 13, 10, 12, 600, false),
        new BarRow(symbol, "1d", Instant.parse("2024-05-03T00:00:00Z"), 12, 14, 11, 13, 700, false));
    ledger.record(new FileIngestion(runId, event.fileId(), event.dataset(), event.coverageFrom(), event.coverageTo(),
        event.rowCount(), event.sha256(), event.path(), Instant.now(), FileIngestion.BRONZE)).toCompletableFuture().join();
    given().post("/promotions").then().statusCode(200);
    return symbol;
  }

  @Test
  void aCloseChartIsAVegaLiteLineWithAHoverRuleOverTheRequestedDateRange() {
    String symbol = promotedBars();

    var spec = given().queryParam("series", symbol).queryParam("from", "2024-05-02").get("/charts/close")
        .then().statusCode(200)
        .body("$schema", containsString("vega-lite/v5"))
        .body("layer[0].mark.type", equalTo("line"))
        .body("layer[1].mark.type", equalTo("rule"))
        .body("layer[1].params[0].name", equalTo("hover"))
        .body("data.values", hasSize(2))
        .extract().jsonPath();
    assertThat(spec.getList("data.values.value", Float.class)).containsExactly(12f, 13f);
    given().queryParam("series", symbol).get("/charts/volume").then().statusCode(200)
        .body("layer[0].mark.type", equalTo("bar")).body("data.values", hasSize(3));
    given().get("/charts/usage").then().statusCode(200).body("layer[0].mark.type", equalTo("area"));
  }

  @Test
  void anUnknownChartIs404AndABadSymbolOrRangeIs4xx() {
    given().get("/charts/pie").then().statusCode(404).contentType("application/problem+json");
    given().queryParam("series", "../etc").get("/charts/close").then().statusCode(422);
    given().queryParam("from", "yesterday").get("/charts/close").then().statusCode(400);
    given().queryParam("from", "2024-02-01").queryParam("to", "2024-01-01").get("/charts/close").then().statusCode(422);
  }

  @Test
  void runsAndFileIngestionsAreListedAndAnUnknownRunIs404() {
    promotedBars();

    List<String> statuses = given().get("/ops/runs").then().statusCode(200).extract().jsonPath().getList("status");
    assertThat(statuses).contains("promoted");
    given().get("/ops/file-ingestions?limit=5").then().statusCode(200).body("status", hasItem("promoted"));
    given().get("/ops/runs/no-such-run").then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void layerSizesCountTheRowsOfEverySilverAndGoldTable() {
    promotedBars();

    var layers = given().get("/ops/layers").then().statusCode(200).extract().jsonPath();
    assertThat(layers.getLong("silver.bars")).isPositive();
    assertThat(layers.getLong("gold.bars")).isPositive().isLessThanOrEqualTo(layers.getLong("silver.bars"));
    assertThat(layers.getMap("silver")).containsKeys("bars", "usage", "customers");
    assertThat(layers.getMap("gold")).containsKeys("bars", "usage_daily");
  }

  @Test
  void readinessMetricsAndOpenApiAreServed() {
    given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("duckdb"));
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    given().get("/q/openapi?format=json").then().statusCode(200).body("paths", org.hamcrest.Matchers.hasKey("/customer-features"));
    assertThat(OpenApiOperations.duplicateIds()).as("operation ids used twice").isEmpty();
    assertThat(OpenApiOperations.unexplained()).as("operations a client cannot learn from the document").isEmpty();
  }
}
