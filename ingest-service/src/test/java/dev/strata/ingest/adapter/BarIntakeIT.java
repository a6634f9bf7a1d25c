package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.strata.ingest.settings.IngestConfig;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.kernel.security.Roles;
import dev.strata.support.messaging.RabbitTopology;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.OPERATOR)
class BarIntakeIT {

  @Inject IngestConfig config;
  @Inject RabbitTopology topology;
  private DatasetIngestedTap tap;

  @BeforeEach
  void tap() throws Exception {
    tap = new DatasetIngestedTap(topology);
  }

  @AfterEach
  void closeTap() throws Exception {
    tap.close();
  }

  private static Response postBars(String contentType, Object body, String query) {
    return given().contentType(contentType).body(body).post("/bars?" + query);
  }

  @Test
  void aYearOfSp500CsvLandsAsOneZstdParquetFileWithTheAgreedColumnsAndAnnouncesIt() throws Exception {
    String csv = TestData.resource("sp500-daily-2008.csv");

    postBars("text/csv", csv, "symbol=SPX&frame=1d&jobId=sp500-2008").then().statusCode(201)
        .body("status", equalTo("COMPLETED")).body("accepted", equalTo(253)).body("files", hasSize(1))
        .body("files[0].path", equalTo("frame=1d/symbol=SPX/date=2008/sp500-2008.parquet"));

    Path file = config.lake().root().resolve("frame=1d/symbol=SPX/date=2008/sp500-2008.parquet");
    assertThat(file).exists();
    assertThat(file.resolveSibling("sp500-2008.manifest.json")).content().contains("\"rows\":253").contains("\"schemaVersion\":1");
    try (var duck = DriverManager.getConnection("jdbc:duckdb:"); var statement = duck.createStatement()) {
      ResultSet schema = statement.executeQuery("SELECT string_agg(name || ' ' || type, ', ' ORDER BY name) FROM parquet_schema('" + file + "') WHERE num_children IS NULL");
      schema.next();
      assertThat(schema.getString(1)).contains("ts INT64", "open DOUBLE", "outlier BOOLEAN", "job_id BYTE_ARRAY", "ingested_at INT64");
      ResultSet codec = statement.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')");
      codec.next();
      assertThat(codec.getString(1)).isEqualToIgnoringCase("ZSTD");
    }

    await().atMost(Duration.ofSeconds(15)).until(() -> tap.ofRun("sp500-2008").size() == 1);
    DatasetIngested event = tap.ofRun("sp500-2008").getFirst();
    assertThat(event.dataset()).isEqualTo(DatasetIdentity.bars("producer", "1d", "SPX"));
    assertThat(event.path()).isEqualTo("frame=1d/symbol=SPX/date=2008/sp500-2008.parquet");
    assertThat(event.fileId()).isEqualTo(event.path());
    assertThat(event.rowCount()).isEqualTo(253);
    assertThat(event.coverageFrom()).hasToString("2008-01-02T00:00:00Z");
    assertThat(event.coverageTo()).hasToString("2008-12-31T00:00:00Z");
    assertThat(event.sha256()).hasSize(64);
  }

  @Test
  void threeYearsOfDailyBarsArePartitionedByYearAndTheJobTellsWhatLanded() {
    postBars("text/csv", TestData.resource("sp500-daily-2000-2002.csv"), "symbol=SPX3&frame=1d&jobId=sp500-00-02")
        .then().statusCode(201).body("files", hasSize(3));

    given().get("/jobs/sp500-00-02").then().statusCode(200)
        .body("status", equalTo("COMPLETED")).body("kind", equalTo("BARS")).body("accepted", equalTo(752))
        .body("files.path", org.hamcrest.Matchers.contains(
            "frame=1d/symbol=SPX3/date=2000/sp500-00-02.parquet", "frame=1d/symbol=SPX3/date=2001/sp500-00-02.parquet",
            "frame=1d/symbol=SPX3/date=2002/sp500-00-02.parquet"));
    given().get("/jobs/sp500-00-02/bars").then().statusCode(200)
        .body("bars.SPX3", hasSize(752)).body("bars.SPX3[0].ts", equalTo("2000-01-03T00:00:00Z"))
        .body("bars.SPX3[751].ts", equalTo("2002-12-31T00:00:00Z")).body("warnings", hasSize(0));
  }

  @Test
  void gzippedNdjsonOfEthFiveMinuteBarsLandsOneFilePerUtcDay() {
    String ndjson = String.join("\n", TestData.ethFiveMinuteNdjson());

    given().contentType("application/x-ndjson").header("Content-Encoding", "gzip").body(TestData.gzip(ndjson))
        .post("/bars?symbol=ETH-USD&frame=5m&jobId=eth-5m").then().statusCode(201)
        .body("accepted", equalTo(580)).body("files.path", org.hamcrest.Matchers.everyItem(startsWith("frame=5m/symbol=ETH-USD/date=2023-03-1")));
  }

  @Test
  void aJsonArrayWithEpochNanosecondTimestampsIsAccepted() {
    String body = """
        [{"ts":1700000040000000000,"open":10,"high":11,"low":9,"close":10.5,"volume":5},
         {"ts":"2023-11-14T22:15:00Z","open":10.5,"high":11,"low":10,"close":10.8,"volume":7}]""";
    postBars("application/json", body, "symbol=NANO&frame=1m&jobId=nanos").then().statusCode(201).body("accepted", equalTo(2));
    given().get("/jobs/nanos/bars").then().body("bars.NANO[0].ts", equalTo("2023-11-14T22:14:00Z"));
  }

  @Test
  void rejectBatchAnswers422ListingEveryBadRowAndLandsNothing() {
    String csv = """
        date,open,high,low,close,volume
        2013-01-02,553.82,555.00,541.63,549.03,20018500
        2013-01-03,547.88,540.00,541.00,542.10,12605900
        2013-01-03,547.88,549.67,541.00,542.10,12605900
        2013-01-07,-1,549.67,541.00,542.10,12605900
        2013-01-08,547.88,549.67,541.00,542.10,-5
        """;
    postBars("text/csv", csv, "symbol=AAPLX&frame=1d&jobId=rejected-batch").then().statusCode(422)
        .contentType("application/problem+json")
        .body("violations.field", org.hamcrest.Matchers.contains("rows[1]", "rows[3]", "rows[4]"))
        .body("violations[0].message", startsWith("high-is-highest"))
        .body("violations[1].message", startsWith("positive-prices"))
        .body("violations[2].message", startsWith("non-negative-volume"));
    assertThat(config.lake().root().resolve("frame=1d/symbol=AAPLX")).doesNotExist();
    given().get("/jobs/rejected-batch").then().body("status", equalTo("FAILED")).body("rejections", hasSize(3));
  }

  @Test
  void dropBadRowsLandsTheRestAndReportsTheRejectedRowsWithReasons() {
    String csv = """
        date,open,high,low,close,volume
        2013-01-02,553.82,555.00,541.63,549.03,20018500
        2013-01-02,553.82,555.00,541.63,549.03,20018500
        2013-01-04,537.00,538.63,525.83,527.00,21226200
        """;
    postBars("text/csv", csv, "symbol=AAPLD&frame=1d&mode=drop-bad-rows").then().statusCode(201)
        .body("accepted", equalTo(2)).body("rejected[0].row", equalTo(1)).body("rejected[0].policy", equalTo("strictly-increasing-ts"));
  }

  @Test
  void resubmittingAJobIdIsIdempotentAndOverwriteIsNeededToReplaceItsFile() {
    String csv = TestData.resource("aapl-daily-2013-q1.csv");
    postBars("text/csv", csv, "symbol=AAPL&frame=1d&jobId=aapl-q1").then().statusCode(201);

    postBars("text/csv", csv, "symbol=AAPL&frame=1d&jobId=aapl-q1").then().statusCode(200).body("replayed", equalTo(true));
    postBars("text/csv", csv, "symbol=AAPL&frame=1d&jobId=aapl-q1&overwrite=true").then().statusCode(201);

    await().atMost(Duration.ofSeconds(15)).until(() -> tap.ofRun("aapl-q1").size() == 2);
  }

  @Test
  void resubmittingAJobWhoseFileLeftTheLakeLandsItAgain() throws Exception {
    String csv = TestData.resource("aapl-daily-2013-q1.csv");
    String path = postBars("text/csv", csv, "symbol=AAPLL&frame=1d&jobId=aapl-lost").then().statusCode(201)
        .extract().path("files[0].path");
    Path file = config.lake().root().resolve(path);
    Files.delete(file); // a wiped run folder, a restore that missed it

    postBars("text/csv", csv, "symbol=AAPLL&frame=1d&jobId=aapl-lost").then().statusCode(201).body("replayed", equalTo(false));

    assertThat(file).exists();
    assertThat(given().get("/bars/AAPLL?frame=1d").then().statusCode(200).extract().asString().lines()).hasSize(40);
    await().atMost(Duration.ofSeconds(15)).until(() -> tap.ofRun("aapl-lost").size() == 2);
  }

  @Test
  void reIngestingTheSameBarsUnderAnotherJobNeverShowsAnyBarTwiceAndTheLatestWins() {
    String csv = TestData.resource("aapl-daily-2013-q1.csv");
    postBars("text/csv", csv, "symbol=AAPLR&frame=1d&jobId=first-run").then().statusCode(201);
    postBars("text/csv", csv.replace("553.82,555.00", "553.80,555.00"), "symbol=AAPLR&frame=1d&jobId=second-run").then().statusCode(201);

    List<String> lines = given().get("/bars/AAPLR?frame=1d").then().statusCode(200).extract().asString().lines().toList();

    assertThat(lines).hasSize(40);
    assertThat(lines.getFirst()).contains("\"open\":553.8,").contains("\"jobId\":\"second-run\"");
    assertThat(lines.stream().map(line -> line.substring(0, line.indexOf("\"open\"")))).doesNotHaveDuplicates();
  }

  @Test
  void barsAreReadBackInARangeAsNdjsonSortedByTs() {
    postBars("text/csv", TestData.resource("aapl-daily-2013-q1.csv"), "symbol=AAPLQ&frame=1d").then().statusCode(201);

    String body = given().get("/bars/AAPLQ?frame=1d&from=2013-01-07&to=2013-01-10").then().statusCode(200)
        .contentType("application/x-ndjson").extract().asString();

    assertThat(body.lines().map(line -> line.substring(line.indexOf("\"ts\":") + 6, line.indexOf("\"ts\":") + 16)))
        .containsExactly("2013-01-07", "2013-01-08", "2013-01-09");
  }

  @Test
  void anUnreadableFileIsSkippedWithAWarningInsteadOfFailingTheRead() throws Exception {
    postBars("text/csv", TestData.resource("sp500-daily-2000-2002.csv"), "symbol=SPXC&frame=1d&jobId=corrupted").then().statusCode(201);
    Files.writeString(config.lake().root().resolve("frame=1d/symbol=SPXC/date=2001/corrupted.parquet"), "not parquet");

    given().get("/jobs/corrupted/bars").then().statusCode(200)
        .body("bars.SPXC", hasSize(252 + 252)).body("warnings", hasSize(1))
        .body("warnings[0]", org.hamcrest.Matchers.containsString("date=2001"));
  }

  @Test
  void clientMistakesAreProblemDocumentsNeverServerErrors() {
    postBars("text/csv", "date,open\n2013-01-02,1", "symbol=AAPL&frame=1d").then().statusCode(400).contentType("application/problem+json");
    postBars("text/csv", "date,open,high,low,close,volume\nyesterday,1,1,1,1,1", "symbol=AAPL&frame=1d").then().statusCode(400);
    postBars("application/json", "[{\"ts\":\"2013-01-02\",\"open\":1,\"bogus\":1}]", "symbol=AAPL&frame=1d").then().statusCode(400);
    postBars("application/json", "[]", "symbol=../../etc&frame=1d").then().statusCode(422).contentType("application/problem+json");
    postBars("application/json", "[]", "symbol=AAPL&frame=1d&mode=maybe").then().statusCode(422);
    postBars("application/json", "[]", "symbol=AAPL&frame=1d").then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("no bars"));
    given().get("/jobs/no-such-job").then().statusCode(404).contentType("application/problem+json");
    given().get("/bars/AAPL?frame=1d&from=tomorrow").then().statusCode(400);
    given().get("/bars/AAPL?frame=1d&interval=1h").then().statusCode(422);
  }
}
