package dev.strata.warehouse.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Authorized;
import dev.strata.testing.Broker;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.warehouse.TestLake;
import dev.strata.warehouse.TestLake.BarRow;
import dev.strata.warehouse.WarehouseTestRun;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbWarehouse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partition's small promoted files become one real Parquet file with one bar per (symbol, ts), the latest ingestion's. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
@ActingAs(Roles.OPERATOR)
class LakeCompactionIT {

  private static final Instant OPEN = Instant.parse("2024-07-01T13:00:00Z");

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

  private static BarRow minute(String symbol, int minute, double close) {
    return new BarRow(symbol, "1m", OPEN.plus(Duration.ofMinutes(minute)), close, close + 1, close - 1, close, 100 + minute, false);
  }

  /** Lands the bars as one file of its own job, announced and promoted as ingest-service does it. */
  private DatasetIngested land(String source, Instant ingestedAt, BarRow... bars) throws Exception {
    String runId = "run-" + UUID.randomUUID();
    DatasetIngested event = TestLake.bars(WarehouseTestRun.lake(), source, runId, ingestedAt, bars);
    TestLake.announce(broker, event);
    await().atMost(Duration.ofSeconds(20)).until(() -> !"bronze".equals(fileStatus(runId)) && fileStatus(runId) != null);
    return event;
  }

  private static String fileStatus(String runId) {
    return given().queryParam("limit", 1000).get("/ops/file-ingestions").then().statusCode(200)
        .extract().path("find { it.runId == '" + runId + "' }.status");
  }

  private static List<Path> parquetFiles(Path folder) throws Exception {
    try (var files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }

  /** ts minute → close, as a reader of the lake file sees it; and the file's columns. */
  private static List<String> rows(Path file) throws Exception {
    List<String> rows = new ArrayList<>();
    try (var connection = DriverManager.getConnection("jdbc:duckdb:"); var st = connection.createStatement();
        var rs = st.executeQuery("SELECT minute(ts) AS m, close, job_id IS NOT NULL AND ingested_at IS NOT NULL AS kept "
            + "FROM read_parquet('" + file + "', hive_partitioning = false) ORDER BY ts")) {
      while (rs.next()) {
        rows.add(rs.getInt("m") + "=" + rs.getDouble("close") + (rs.getBoolean("kept") ? "" : " (no job_id/ingested_at)"));
      }
    }
    return rows;
  }

  private List<String> goldCloses(String symbol) {
    return warehouse.read(connection -> {
      try (var st = connection.prepareStatement("SELECT minute(ts) AS m, close FROM gold.bars WHERE symbol = ? ORDER BY ts")) {
        st.setString(1, symbol);
        List<String> rows = new ArrayList<>();
        try (var rs = st.executeQuery()) {
          while (rs.next()) {
            rows.add(rs.getInt("m") + "=" + rs.getDouble("close"));
          }
        }
        return rows;
      }
    });
  }

  @Test
  void aPartitionsSmallPromotedFilesBecomeOneFileWithOneBarPerSymbolAndTsTheLatestIngestionWinning() throws Exception {
    String symbol = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', 'X');
    String partition = "frame=1m/symbol=" + symbol + "/date=2024";
    Path folder = WarehouseTestRun.lake().resolve(partition);
    Instant t = Instant.parse("2024-07-02T00:00:00Z");
    DatasetIngested first = land("producer", t, minute(symbol, 30, 10), minute(symbol, 31, 11), minute(symbol, 32, 12));
    land("producer", t.plusSeconds(60), minute(symbol, 32, 50), minute(symbol, 33, 13)); // corrects 09:32
    land("producer", t.plusSeconds(120), minute(symbol, 34, 14), minute(symbol, 35, 15));
    DatasetIngested unmapped = land("polygon", t.plusSeconds(180), minute(symbol, 36, 99)); // rejected: no keymap dataset
    List<String> goldBefore = goldCloses(symbol);
    assertThat(parquetFiles(folder)).hasSize(4);

    JsonPath done = given().queryParam("partition", partition).post("/ops/compactions").then().statusCode(200)
        .extract().jsonPath();

    assertThat(done.getList("$")).hasSize(1);
    assertThat(done.getInt("[0].filesIn")).isEqualTo(3);
    assertThat(done.getLong("[0].rowsIn")).isEqualTo(7);
    assertThat(done.getLong("[0].rowsOut")).isEqualTo(6);
    assertThat(done.getString("[0].identityKey")).isEqualTo("market|producer|bars|1m|" + symbol);
    String output = done.getString("[0].output");
    assertThat(parquetFiles(folder)).as("the compacted file and the rejected one, which is not the compaction's")
        .containsExactlyInAnyOrder(WarehouseTestRun.lake().resolve(output), WarehouseTestRun.lake().resolve(unmapped.path()));
    assertThat(rows(WarehouseTestRun.lake().resolve(output)))
        .containsExactly("30=10.0", "31=11.0", "32=50.0", "33=13.0", "34=14.0", "35=15.0");
    assertThat(goldCloses(symbol)).as("silver and gold are not touched").isEqualTo(goldBefore);

    given().queryParam("limit", 1000).get("/ops/file-ingestions").then()
        .body("find { it.runId == '" + first.runId() + "' }.status", equalTo("compacted"))
        .body("find { it.runId == '" + first.runId() + "' }.reason", equalTo("compacted into " + output))
        .body("find { it.path == '" + output + "' }.status", equalTo("promoted"))
        .body("find { it.runId == '" + unmapped.runId() + "' }.status", equalTo("rejected"));
    given().get("/ops/runs/" + first.runId()).then().statusCode(200).body("status", equalTo("promoted"));
    given().get("/ops/runs/" + done.getString("[0].runId")).then().statusCode(200).body("status", equalTo("promoted"));
    Authorized.as(Roles.READER);
    given().get("/ops/compactions").then().statusCode(200)
        .body("find { it.output == '" + output + "' }.partition", equalTo(partition));
    given().queryParam("partition", partition).post("/ops/compactions").then().statusCode(403);
    Authorized.as(Roles.OPERATOR);

    // a later file of the partition is compacted with the compacted one, and its correction of 09:35 wins
    land("producer", t.plusSeconds(240), minute(symbol, 35, 70), minute(symbol, 37, 17));
    JsonPath again = given().queryParam("partition", partition).post("/ops/compactions").then().statusCode(200)
        .extract().jsonPath();
    assertThat(again.getInt("[0].filesIn")).isEqualTo(2);
    assertThat(rows(WarehouseTestRun.lake().resolve(again.getString("[0].output"))))
        .containsExactly("30=10.0", "31=11.0", "32=50.0", "33=13.0", "34=14.0", "35=70.0", "37=17.0");
    assertThat(parquetFiles(folder)).hasSize(2);
    given().queryParam("partition", partition).post("/ops/compactions").then().statusCode(200).body("$", empty());
  }

  @Test
  void aPartitionThatIsNoLakeFolderIsRefused() {
    for (String bad : List.of("../etc", "/etc/passwd", "frame=1m/../../x", "a b")) {
      given().queryParam("partition", bad).post("/ops/compactions").then().statusCode(422)
          .contentType("application/problem+json");
    }
  }
}
