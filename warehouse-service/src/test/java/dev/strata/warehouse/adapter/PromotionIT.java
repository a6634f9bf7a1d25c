package dev.strata.warehouse.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
@ActingAs(Roles.OPERATOR)
class PromotionIT {

  private static final Instant DAY = Instant.parse("2024-03-01T00:00:00Z");

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

  private static String symbol() {
    return "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', 'X');
  }

  private static BarRow bar(String symbol, int day, double close) {
    return new BarRow(symbol, "1d", DAY.plus(Duration.ofDays(day)), close - 1, close + 2, close - 2, close, 1000, false);
  }

  private void publish(DatasetIngested event) throws Exception {
    TestLake.announce(broker, event);
  }

  private long gold(String sql, String symbol) {
    return warehouse.read(connection -> {
      try (var st = connection.prepareStatement(sql)) {
        st.setString(1, symbol);
        try (var rs = st.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  private long goldBars(String symbol) {
    return gold("SELECT count(*) FROM gold.bars WHERE symbol = ?", symbol);
  }

  private static List<Map<String, Object>> promote() {
    return given().post("/promotions").then().statusCode(200).extract().jsonPath().getList("$");
  }

  private static JsonPath run(String runId) {
    return given().get("/ops/runs/" + runId).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aDatasetIngestedMessagePromotesItsBarsToSilverAndGoldAndARedeliveryChangesNothing() throws Exception {
    String symbol = symbol();
    String runId = "run-" + UUID.randomUUID();
    DatasetIngested event = TestLake.bars(WarehouseTestRun.lake(), runId, Instant.now(),
        bar(symbol, 0, 10), bar(symbol, 1, 11), bar(symbol, 2, 12));

    publish(event);
    await().atMost(Duration.ofSeconds(20)).until(() -> goldBars(symbol) == 3);
    assertThat(run(runId).getString("status")).isEqualTo("promoted");

    publish(event);
    await().atMost(Duration.ofSeconds(20)).until(() -> broker.depth(Queues.DATASET_INGESTED) == 0);
    assertThat(promote()).isEmpty();
    assertThat(run(runId).getInt("files")).isEqualTo(1);
    assertThat(goldBars(symbol)).isEqualTo(3);
    assertThat(gold("SELECT count(*) FROM silver.bars WHERE symbol = ?", symbol)).isEqualTo(3);
  }

  @Test
  void aLaterReIngestOfTheSameBarWinsInSilverAndGold() throws Exception {
    String symbol = symbol();
    publish(TestLake.bars(WarehouseTestRun.lake(), "run-a", Instant.parse("2024-03-05T00:00:00Z"),
        bar(symbol, 0, 10), bar(symbol, 1, 11)));
    await().atMost(Duration.ofSeconds(20)).until(() -> goldBars(symbol) == 2);

    publish(TestLake.bars(WarehouseTestRun.lake(), "run-b", Instant.parse("2024-03-06T00:00:00Z"), bar(symbol, 1, 50)));
    await().atMost(Duration.ofSeconds(20))
        .until(() -> gold("SELECT CAST(max(close) AS BIGINT) FROM gold.bars WHERE symbol = ?", symbol) == 50);
    assertThat(goldBars(symbol)).isEqualTo(2);
    assertThat(gold("SELECT count(*) FROM silver.bars WHERE symbol = ?", symbol)).isEqualTo(2);
  }

  @Test
  void aFailingAuditCheckLeavesGoldUntouchedAndRecordsWhy() throws Exception {
    String symbol = symbol();
    DatasetIngested good = TestLake.bars(WarehouseTestRun.lake(), "run-" + UUID.randomUUID(), Instant.now(), bar(symbol, 0, 10));
    publish(good);
    await().atMost(Duration.ofSeconds(20)).until(() -> goldBars(symbol) == 1);

    var broken = new BarRow(symbol, "1d", DAY.plus(Duration.ofDays(1)), 10, 5, 20, 10, 1000, false);
    String runId = "run-" + UUID.randomUUID();
    publish(TestLake.bars(WarehouseTestRun.lake(), runId, Instant.now(), bar(symbol, 2, 12), broken));
    await().atMost(Duration.ofSeconds(20)).until(() -> "rejected".equals(run(runId).getString("status")));

    assertThat(goldBars(symbol)).isEqualTo(1);
    assertThat(gold("SELECT count(*) FROM silver.bars WHERE symbol = ?", symbol)).isEqualTo(1);
    String reason = warehouse.read(connection -> {
      try (var st = connection.prepareStatement("SELECT reason FROM ops.file_ingestions WHERE run_id = ?")) {
        st.setString(1, runId);
        try (var rs = st.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      }
    });
    assertThat(reason).contains("OHLC");
    assertThat(promote()).isEmpty();
  }

  @Test
  void aFileChangedOrCutShortSinceItWasAnnouncedIsRejectedNotPromotedAndTheOthersGoOn() throws Exception {
    String symbol = symbol();
    String tamperedRun = "run-" + UUID.randomUUID();
    java.nio.file.Path lake = WarehouseTestRun.lake();
    DatasetIngested tampered = TestLake.bars(lake, tamperedRun, Instant.now(), bar(symbol, 0, 10));
    // rewritten after the announcement with another bar in its place: not the announced bytes
    java.nio.file.Path elsewhere = java.nio.file.Files.createTempDirectory("rewritten");
    DatasetIngested rewrite = TestLake.bars(elsewhere, tamperedRun, Instant.now(), bar(symbol, 0, 99));
    java.nio.file.Files.copy(elsewhere.resolve(rewrite.path()), lake.resolve(tampered.path()),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String shortRun = "run-" + UUID.randomUUID();
    DatasetIngested announced = TestLake.bars(lake, shortRun, Instant.now(), bar(symbol, 1, 11));
    var cutShort = new DatasetIngested(announced.dataset(), announced.coverageFrom(), announced.coverageTo(), announced.fileId(),
        announced.runId(), announced.rowCount() + 1, announced.sha256(), announced.path());
    String goodRun = "run-" + UUID.randomUUID();
    publish(tampered);
    publish(cutShort);
    publish(TestLake.bars(lake, goodRun, Instant.now(), bar(symbol, 2, 12)));

    await().atMost(Duration.ofSeconds(20)).until(() -> "promoted".equals(run(goodRun).getString("status")));
    await().atMost(Duration.ofSeconds(20)).until(() -> "rejected".equals(run(tamperedRun).getString("status"))
        && "rejected".equals(run(shortRun).getString("status")));
    assertThat(reasonOf(tamperedRun)).contains("sha256").contains("differs from the announced");
    assertThat(reasonOf(shortRun)).contains("1 rows, not the announced 2");
    assertThat(goldBars(symbol)).as("only the good file's bar").isEqualTo(1);
    assertThat(gold("SELECT count(*) FROM silver.bars WHERE symbol = ? AND close = 99", symbol)).isZero();
  }

  private String reasonOf(String runId) {
    return warehouse.read(connection -> {
      try (var st = connection.prepareStatement("SELECT reason FROM ops.file_ingestions WHERE run_id = ?")) {
        st.setString(1, runId);
        try (var rs = st.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      }
    });
  }

  @Test
  void promotingThroughTheApiIsIncrementalAndARerunChangesNothing() throws Exception {
    String customer = "U-" + UUID.randomUUID().toString().substring(0, 8);
    DatasetIngested usage = TestLake.usage(WarehouseTestRun.lake(), "run-" + UUID.randomUUID(), Instant.now(), 10, customer);
    insertIntoLedgerOnly(usage);

    List<Map<String, Object>> outcomes = promote();
    assertThat(outcomes).singleElement().satisfies(outcome -> {
      assertThat(outcome).containsEntry("status", "published").containsEntry("kind", "USAGE");
      assertThat(((Number) outcome.get("silverRows")).longValue()).isEqualTo(10);
    });
    assertThat(promote()).isEmpty();

    given().get("/customers/" + customer + "/usage?from=2000-01-01").then().statusCode(200)
        .body("$", org.hamcrest.Matchers.hasSize(10));
    assertThat(gold("SELECT sum(events) FROM gold.usage_daily WHERE customer_id = ?", customer)).isEqualTo(10);
  }

  @Test
  void readersAreServedWhileTheWriterHoldsAnOpenTransaction() throws Exception {
    given().contentType("text/csv").body(CustomersIT.telcoSlice()).post("/customers/import").then().statusCode(200);
    var inside = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    var writing = java.util.concurrent.CompletableFuture.runAsync(() -> warehouse.write(connection -> {
      connection.createStatement().execute("UPDATE silver.customers SET tenure = 999 WHERE customer_id = 'C00002'");
      inside.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new java.sql.SQLException("roll back on purpose");
    }));
    try {
      inside.await();
      given().get("/customers/C00002").then().statusCode(200).body("tenure", org.hamcrest.Matchers.equalTo(34));
      given().contentType(ContentType.JSON).body("{}").post("/queries/active-customers").then().statusCode(200);
      assertThat(writing).isNotDone();
    } finally {
      release.countDown();
    }
    assertThat(writing).failsWithin(Duration.ofSeconds(10));
    given().get("/customers/C00002").then().statusCode(200).body("tenure", org.hamcrest.Matchers.equalTo(34));
  }

  private void insertIntoLedgerOnly(DatasetIngested event) {
    warehouse.write(connection -> {
      try (var st = connection.prepareStatement("""
          INSERT INTO ops.file_ingestions (run_id, file_id, domain, source, dataset, coverage_from, coverage_to,
            row_count, sha256, path, received_at)
          VALUES (?, ?, 'customer', 'events', 'usage', CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ), ?, ?, ?, now())""")) {
        st.setString(1, event.runId());
        st.setString(2, event.fileId());
        st.setString(3, event.coverageFrom().toString());
        st.setString(4, event.coverageTo().toString());
        st.setLong(5, event.rowCount());
        st.setString(6, event.sha256());
        st.setString(7, event.path());
        st.executeUpdate();
      }
      return null;
    });
  }
}
