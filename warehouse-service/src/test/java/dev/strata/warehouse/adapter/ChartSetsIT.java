package dev.strata.warehouse.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Authorized;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.warehouse.TestLake;
import dev.strata.warehouse.TestLake.BarRow;
import dev.strata.warehouse.WarehouseTestRun;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbFileLedger;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Chart sets stored, listed, read and drawn from gold as line, area and bar charts with a hover rule and a date range. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
@ActingAs(Roles.OPERATOR)
class ChartSetsIT {

  @Inject DuckDbFileLedger ledger;

  private void promote(DatasetIngested event) {
    ledger.record(new FileIngestion(event.runId(), event.fileId(), event.dataset(), event.coverageFrom(), event.coverageTo(),
        event.rowCount(), event.sha256(), event.path(), Instant.now(), FileIngestion.BRONZE)).toCompletableFuture().join();
    given().post("/promotions").then().statusCode(200);
  }

  private String promotedBars() {
    String symbol = "S" + UUID.randomUUID().toString().substring(0, 5).toUpperCase().replace('-', 'X');
    promote(TestLake.bars(WarehouseTestRun.lake(), "run-" + UUID.randomUUID(), Instant.now(),
        new BarRow(symbol, "1d", Instant.parse("2024-05-01T00:00:00Z"), 10, 12, 9, 11, 500, false),
        new BarRow(symbol, "1d", Instant.parse("2024-05-02T00:00:00Z"), 11, 13, 10, 12, 600, false),
        new BarRow(symbol, "1d", Instant.parse("2024-05-03T00:00:00Z"), 12, 14, 11, 13, 700, false)));
    return symbol;
  }

  private static String set(String title, String symbol, String customer) {
    return """
        {"title": "%s", "description": "prices, volume and usage",
         "charts": [
           {"measure": "close", "mark": "area", "series": ["%s"], "from": "2024-05-02"},
           {"title": "Volume as a line", "measure": "volume", "mark": "line", "series": ["%s"], "from": "2024-05-01T00:00:00Z",
            "to": "2024-05-03"},
           {"measure": "usage", "mark": "bar", "series": ["%s"]}]}""".formatted(title, symbol, symbol, customer);
  }

  @Test
  void aChartSetIsStoredListedReadAndDrawnAsLineAreaAndBarWithAHoverRuleAndItsDateRange() {
    String symbol = promotedBars();
    String customer = "CS-" + UUID.randomUUID().toString().substring(0, 8);
    promote(TestLake.usage(WarehouseTestRun.lake(), "run-" + UUID.randomUUID(), Instant.parse("2024-05-10T12:00:00Z"), 3, customer));
    String name = "desk-" + UUID.randomUUID().toString().substring(0, 8);

    given().contentType(ContentType.JSON).body(set("Desk", symbol, customer)).put("/chart-sets/" + name).then().statusCode(201)
        .body("version", equalTo(1)).body("document.charts[0].title", equalTo("Close"))
        .body("document.charts[0].frame", equalTo("1d"));
    given().contentType(ContentType.JSON).body(set("Desk, again", symbol, customer)).put("/chart-sets/" + name).then()
        .statusCode(200).body("version", equalTo(2));

    Authorized.as(Roles.READER);
    given().get("/chart-sets").then().statusCode(200)
        .body("find { it.name == '" + name + "' }.title", equalTo("Desk, again"))
        .body("find { it.name == '" + name + "' }.charts", equalTo(3));
    given().get("/chart-sets/" + name).then().statusCode(200)
        .body("document.description", equalTo("prices, volume and usage"))
        .body("document.charts[1].to", equalTo("2024-05-03T00:00:00Z"))
        .body("document.charts[2].mark", equalTo("bar"));

    JsonPath drawn = given().get("/chart-sets/" + name + "/charts").then().statusCode(200)
        .body("title", equalTo("Desk, again")).body("charts", hasSize(3)).extract().jsonPath();
    assertThat(drawn.getList("charts.collect { it.layer[0].mark.type }")).containsExactly("area", "line", "bar");
    assertThat(drawn.getList("charts.collect { it.layer[1].mark.type }")).containsOnly("rule");
    assertThat(drawn.getList("charts.collect { it.layer[1].params[0].name }")).containsOnly("hover");
    assertThat(drawn.getList("charts.collect { it.layer[0].params[0].name }")).containsOnly("range");
    assertThat(drawn.getList("charts[0].data.values.value", Float.class)).as("close from 2024-05-02").containsExactly(12f, 13f);
    assertThat(drawn.getString("charts[0].encoding.x.scale.domainMin")).isEqualTo("2024-05-02T00:00:00Z");
    assertThat(drawn.getList("charts[1].data.values.value", Float.class)).as("volume in [05-01, 05-03)").containsExactly(500f, 600f);
    assertThat(drawn.getString("charts[1].title")).isEqualTo("Volume as a line");
    assertThat(drawn.getList("charts[2].data.values.value", Float.class)).as("usage events per day").containsExactly(1f, 1f, 1f);

    JsonPath narrowed = given().queryParam("from", "2024-05-03").queryParam("to", "2024-05-09").get("/chart-sets/" + name + "/charts")
        .then().statusCode(200).extract().jsonPath();
    assertThat(narrowed.getList("charts[0].data.values.value", Float.class)).containsExactly(13f);
    assertThat(narrowed.getList("charts[2].data.values.ts")).as("usage days 05-08..05-10, the range ends before 05-09")
        .containsExactly("2024-05-08T00:00:00Z");
    assertThat(narrowed.getString("charts[1].encoding.x.scale.domainMax")).isEqualTo("2024-05-09T00:00:00Z");

    given().contentType(ContentType.JSON).body(set("x", symbol, customer)).put("/chart-sets/" + name).then().statusCode(403);
    given().delete("/chart-sets/" + name).then().statusCode(403);
    Authorized.as(Roles.OPERATOR);
    given().delete("/chart-sets/" + name).then().statusCode(204);
    given().get("/chart-sets/" + name).then().statusCode(404).contentType("application/problem+json");
    given().get("/chart-sets/" + name + "/charts").then().statusCode(404).contentType("application/problem+json");
    given().delete("/chart-sets/" + name).then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void aDocumentThatIsNoObjectOrHasABadChartIsRefusedAsProblemJsonNamingWhere() {
    String put = "/chart-sets/bad-input";
    given().contentType(ContentType.JSON).body("[{\"title\":\"x\"}]").put(put).then().statusCode(422)
        .contentType("application/problem+json").body("detail", equalTo("a chart set must be a JSON object, not an array"));
    given().contentType(ContentType.JSON).body("\"a string\"").put(put).then().statusCode(422)
        .body("detail", containsString("not a string"));
    given().contentType(ContentType.JSON).body("""
        {"title": "t", "colour": "red", "charts": [
          {"measure": "pie"}, {"measure": "close", "mark": "donut"}, {"measure": "close", "series": ["../etc"]},
          {"measure": "usage", "from": "2024-06-01", "to": "2024-05-01"}, {"measure": "volume", "from": "yesterday"}]}""")
        .put(put).then().statusCode(422).contentType("application/problem+json")
        .body("detail", equalTo("chart set is invalid: colour: unknown field; charts[0].measure: must be one of close, volume, usage; "
            + "charts[1].mark: must be one of line, area, bar; charts[2]: invalid symbol: must match [A-Z0-9^][A-Z0-9.=^-]{0,15}; "
            + "charts[3]: 'from' must be before 'to'; charts[4].from: must be an ISO instant or date"));
    given().contentType(ContentType.JSON).body("{\"title\": \"t\", \"charts\": []}").put(put).then().statusCode(422)
        .body("detail", containsString("charts: must be a list of 1 to 12 charts"));
    given().contentType(ContentType.JSON).body("{\"title\": ").put(put).then().statusCode(400)
        .contentType("application/problem+json");
    given().contentType(ContentType.JSON).body("{\"title\": \"" + "x".repeat(70_000) + "\", \"charts\": []}").put(put).then()
        .statusCode(413).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body("{\"title\": \"t\", \"charts\": [{\"measure\": \"close\"}]}").put("/chart-sets/Bad%20Name")
        .then().statusCode(422).contentType("application/problem+json");
    given().get("/chart-sets/" + put.substring("/chart-sets/".length())).then().statusCode(404);
    given().queryParam("from", "2024-02-01").queryParam("to", "2024-01-01").get("/chart-sets/any/charts").then().statusCode(422);
  }
}
