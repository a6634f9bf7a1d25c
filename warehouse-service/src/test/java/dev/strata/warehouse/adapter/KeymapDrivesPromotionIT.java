package dev.strata.warehouse.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Broker;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.warehouse.TestLake;
import dev.strata.warehouse.TestLake.BarRow;
import dev.strata.warehouse.WarehouseTestRun;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbWarehouse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which files are promoted, and when, is the keymap's to say: an unmapped dataset is refused, a manual one waits. */
@QuarkusTest
@TestProfile(KeymapDrivesPromotionIT.AlpacaBarsManual.class)
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
@ActingAs(Roles.OPERATOR)
class KeymapDrivesPromotionIT {

  /** The shipped datasets, but alpaca's bars are promoted only on {@code POST /promotions}. */
  public static class AlpacaBarsManual implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("warehouse.keymap.location", "classpath:keymap/manual-alpaca.yaml");
    }
  }

  private static final Instant DAY = Instant.parse("2024-06-03T00:00:00Z");

  @Inject DuckDbWarehouse warehouse;
  private Broker broker;

  @BeforeEach
  void connect() {
    broker = Broker.connect(Map.of());
  }

  @AfterEach
  void close() throws Exception {
    broker.close();
  }

  private static BarRow[] bars(String symbol) {
    return new BarRow[] {
        new BarRow(symbol, "1d", DAY, 10, 12, 9, 11, 500, false),
        new BarRow(symbol, "1d", DAY.plus(Duration.ofDays(1)), 11, 13, 10, 12, 600, false)};
  }

  private static String symbol() {
    return "K" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', 'X');
  }

  private long goldBars(String symbol) {
    return warehouse.read(connection -> {
      try (var st = connection.prepareStatement("SELECT count(*) FROM gold.bars WHERE symbol = ?")) {
        st.setString(1, symbol);
        try (var rs = st.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  private static String fileStatus(String runId) {
    return given().queryParam("limit", 1000).get("/ops/file-ingestions").then().statusCode(200)
        .extract().path("find { it.runId == '" + runId + "' }.status");
  }

  @Test
  void barsOfASourceTheKeymapDoesNotMapAreRejectedWithTheReasonAndARetryIsRefusedUntilItDoes() throws Exception {
    String symbol = symbol();
    String runId = "run-" + UUID.randomUUID();
    DatasetIngested event = TestLake.bars(WarehouseTestRun.lake(), "polygon", runId, Instant.now(), bars(symbol));

    TestLake.announce(broker, event);

    await().atMost(Duration.ofSeconds(20)).until(() -> "rejected".equals(fileStatus(runId)));
    given().queryParam("limit", 1000).get("/ops/file-ingestions").then()
        .body("find { it.runId == '" + runId + "' }.reason",
            equalTo("no dataset of the keymap matches market|polygon|bars|1d|" + symbol));
    assertThat(goldBars(symbol)).isZero();
    given().post("/ops/file-ingestions/" + runId + "/" + event.fileId() + "/retry").then().statusCode(409)
        .contentType("application/problem+json").body("detail", containsString("market|polygon|bars|1d|" + symbol));
  }

  @Test
  void barsOfADatasetTheKeymapPromotesManuallyWaitInBronzeUntilAPromotionIsAskedFor() throws Exception {
    String symbol = symbol();
    String runId = "run-" + UUID.randomUUID();

    TestLake.announce(broker, TestLake.bars(WarehouseTestRun.lake(), "alpaca", runId, Instant.now(), bars(symbol)));

    await().atMost(Duration.ofSeconds(20)).until(() -> "bronze".equals(fileStatus(runId)));
    await().atMost(Duration.ofSeconds(20)).until(() -> broker.depth(Queues.DATASET_INGESTED) == 0);
    assertThat(goldBars(symbol)).as("not promoted on ingest").isZero();

    given().post("/promotions").then().statusCode(200)
        .body("find { it.dataset == 'market|alpaca|bars|' }.status", equalTo("published"))
        .body("find { it.dataset == 'market|alpaca|bars|' }.kind", equalTo("BARS"));
    assertThat(goldBars(symbol)).isEqualTo(2);
    assertThat(fileStatus(runId)).isEqualTo("promoted");
  }
}
