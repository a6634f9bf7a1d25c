package dev.strata.warehouse.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Broker;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.warehouse.TestLake;
import dev.strata.warehouse.TestLake.BarRow;
import dev.strata.warehouse.WarehouseTestRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger as an operator works with it: a changed file replaces its entry, rejections explained and retried, history. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
@ActingAs(Roles.OPERATOR)
class OpsLedgerIT {

  private static final Instant DAY = Instant.parse("2024-04-01T00:00:00Z");
  @jakarta.inject.Inject dev.strata.warehouse.adapter.out.duckdb.DuckDbWarehouse warehouse;
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
    return "L" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', 'X');
  }

  private static BarRow bar(String symbol, int day, double close) {
    return new BarRow(symbol, "1d", DAY.plus(Duration.ofDays(day)), close - 1, close + 2, close - 2, close, 1000, false);
  }

  private void publish(DatasetIngested event) throws Exception {
    TestLake.announce(broker, event);
  }

  private static String status(String runId) {
    return given().get("/ops/runs/" + runId).then().extract().path("status");
  }

  private double silverClose(String symbol) {
    return warehouse.read(connection -> {
      try (var st = connection.prepareStatement("SELECT max(close) FROM silver.bars WHERE symbol = ?")) {
        st.setString(1, symbol);
        try (var rs = st.executeQuery()) {
          rs.next();
          return rs.getDouble(1);
        }
      }
    });
  }

  @Test
  void aRedeliveredChangedFileReplacesItsEntryAndIsPromotedAgainWhileTheSameFileChangesNothing() throws Exception {
    Path lake = WarehouseTestRun.lake();
    String symbol = symbol();
    String runId = "run-" + UUID.randomUUID();
    DatasetIngested first = TestLake.bars(lake, runId, Instant.parse("2024-05-01T00:00:00Z"), bar(symbol, 0, 10));
    publish(first);
    publish(first);
    await().atMost(Duration.ofSeconds(20)).until(() -> "promoted".equals(status(runId)));
    assertThat(silverClose(symbol)).isEqualTo(10.0);

    // ingest wrote the file again under the same ids (a corrected re-run): other bytes, another checksum
    Path elsewhere = Files.createTempDirectory("corrected");
    DatasetIngested corrected = TestLake.bars(elsewhere, runId, Instant.parse("2024-05-02T00:00:00Z"), bar(symbol, 0, 42));
    Files.copy(elsewhere.resolve(corrected.path()), lake.resolve(first.path()), StandardCopyOption.REPLACE_EXISTING);
    publish(new DatasetIngested(first.dataset(), first.coverageFrom(), first.coverageTo(), first.fileId(), runId,
        corrected.rowCount(), corrected.sha256(), first.path()));

    await().atMost(Duration.ofSeconds(20)).until(() -> silverClose(symbol) == 42.0);
    assertThat(status(runId)).isEqualTo("promoted");
    given().queryParam("limit", 1000).get("/ops/file-ingestions").then().statusCode(200)
        .body("findAll { it.runId == '" + runId + "' }.size()", equalTo(1))
        .body("find { it.runId == '" + runId + "' }.sha256", equalTo(corrected.sha256()));
  }

  @Test
  void aRejectedFileSaysWhyAndOnceItsCauseIsFixedARetryPromotesIt() throws Exception {
    Path lake = WarehouseTestRun.lake();
    String symbol = symbol();
    String runId = "run-" + UUID.randomUUID();
    DatasetIngested event = TestLake.bars(lake, runId, Instant.now(), bar(symbol, 3, 13));
    Path file = lake.resolve(event.path());
    byte[] original = Files.readAllBytes(file);
    Files.write(file, new byte[] {'P', 'A', 'R', '1'}); // cut short on the way to the warehouse
    publish(event);
    await().atMost(Duration.ofSeconds(20)).until(() -> "rejected".equals(status(runId)));
    given().queryParam("limit", 1000).get("/ops/file-ingestions").then().statusCode(200)
        .body("find { it.runId == '" + runId + "' }.status", equalTo("rejected"))
        .body("find { it.runId == '" + runId + "' }.reason", org.hamcrest.Matchers.containsString("differs from the announced"));

    String retry = "/ops/file-ingestions/" + runId + "/" + event.fileId() + "/retry";
    Files.write(file, original);
    JsonPath outcomes = given().post(retry).then().statusCode(200).extract().jsonPath();
    assertThat(outcomes.getList("status")).contains("published");
    assertThat(status(runId)).isEqualTo("promoted");

    given().post(retry).then().statusCode(409).contentType("application/problem+json");
    given().post("/ops/file-ingestions/" + runId + "/no-such-file/retry").then().statusCode(404).contentType("application/problem+json");
    given().post("/ops/file-ingestions/bad%20name/x/retry").then().statusCode(422).contentType("application/problem+json");
  }

  @Test
  void promotionsWatermarksAndRunsByDayAreServed() throws Exception {
    String symbol = symbol();
    String runId = "run-" + UUID.randomUUID();
    publish(TestLake.bars(WarehouseTestRun.lake(), runId, Instant.now(), bar(symbol, 5, 15)));
    await().atMost(Duration.ofSeconds(20)).until(() -> "promoted".equals(status(runId)));

    given().get("/ops/promotions").then().statusCode(200)
        .body("status", hasItem("published"))
        .body("find { it.inputWatermarks.contains('" + symbol + "') }.kind", equalTo("bars"));
    given().get("/ops/watermarks").then().statusCode(200)
        .body("findAll { it.identityKey.endsWith('|" + symbol + "') }.layer", org.hamcrest.Matchers.containsInAnyOrder("bronze", "silver", "gold"));

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    given().queryParam("date", today).get("/ops/runs").then().statusCode(200).body("runId", hasItem(runId));
    given().queryParam("date", "2001-01-01").get("/ops/runs").then().statusCode(200).body("runId", org.hamcrest.Matchers.not(hasItem(runId)));
    given().get("/ops/run-days").then().statusCode(200).body("latest", equalTo(today)).body("days[0]", equalTo(today));
    given().queryParam("date", "yesterday").get("/ops/runs").then().statusCode(422).contentType("application/problem+json");
  }
}
