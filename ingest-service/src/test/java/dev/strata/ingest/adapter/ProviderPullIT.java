package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.ingest.settings.IngestConfig;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.security.Roles;
import dev.strata.support.messaging.RabbitTopology;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(StandInAlpaca.class)
@ActingAs(Roles.OPERATOR)
class ProviderPullIT {

  @Inject IngestConfig config;
  @Inject RabbitTopology topology;

  @Test
  void aPullFillsOnlyTheMissingTradingDaysPageByPageAfterARateLimitAndResumesFromItsCheckpoint() throws Exception {
    StandInAlpaca.REQUESTS.clear();
    StandInAlpaca.THROTTLE_NEXT.set(true);
    // the lake holds Q1 2013 but for Jan 14–18; Jan 21 (MLK day) and weekends must not count as gaps
    String csv = TestData.resource("aapl-daily-2013-q1.csv").lines()
        .filter(line -> !line.matches("2013-01-1[4-8],.*")).reduce((a, b) -> a + "\n" + b).orElseThrow();
    given().contentType("text/csv").body(csv).post("/bars?symbol=AAPLG&frame=1d&jobId=aapl-with-gap").then().statusCode(201);

    try (DatasetIngestedTap tap = new DatasetIngestedTap(topology)) {
      String body = """
          {"symbol":"AAPLG","frame":"1d","from":"2013-01-02","to":"2013-02-28"}""";
      JsonNode report = new ObjectMapper().readTree(given().contentType("application/json").body(body).post("/pulls")
          .then().statusCode(200).extract().asString());

      assertThat(report.get("gaps").toString()).isEqualTo("[\"2013-01-14\",\"2013-01-15\",\"2013-01-16\",\"2013-01-17\",\"2013-01-18\"]");
      assertThat(report.get("barsLanded").asInt()).isEqualTo(5);
      assertThat(report.get("stillMissing").size()).isZero();
      String jobId = report.get("jobId").asText();
      await().atMost(Duration.ofSeconds(15)).until(() -> tap.ofRun(jobId).size() == 1);
      assertThat(tap.ofRun(jobId).getFirst().dataset()).isEqualTo(DatasetIdentity.bars("alpaca", "1d", "AAPLG"));
    }
    assertThat(StandInAlpaca.REQUESTS).hasSize(2);
    assertThat(StandInAlpaca.REQUESTS.getLast().getPath()).isEqualTo("/v2/stocks/AAPLG/bars");
    assertThat(StandInAlpaca.REQUESTS.getLast().getQuery()).contains("timeframe=1Day", "start=2013-01-14T00:00:00Z", "end=2013-01-19T00:00:00Z");
    assertThat(given().get("/bars/AAPLG?frame=1d").then().extract().asString().lines()).hasSize(40);

    // both answers — the 429 and the page — are archived with their request before any parse
    try (Stream<Path> files = Files.list(config.alpaca().archive().resolve("source=alpaca/symbol=AAPLG"))) {
      List<JsonNode> archived = files.map(ProviderPullIT::json).toList();
      assertThat(archived).extracting(node -> node.get("status").asInt()).containsExactlyInAnyOrder(429, 200);
      assertThat(archived).allSatisfy(node -> assertThat(node.at("/request/url").asText()).contains("/v2/stocks/AAPLG/bars"));
    }
    try (Stream<Path> files = Files.list(config.alpaca().archive().resolve("source=alpaca/symbol=AAPLG"))) {
      var mapper = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
      Path page = files.filter(file -> json(file).get("status").asInt() == 200).findFirst().orElseThrow();
      var replayed = dev.strata.ingest.adapter.out.alpaca.AlpacaMarketData.replay(page, mapper);
      assertThat(replayed.bars()).hasSize(5);
      assertThat(replayed.bars().getFirst().ts()).hasToString("2013-01-14T05:00:00Z");
    }

    given().contentType("application/json").body("""
        {"symbol":"AAPLG","frame":"1d","from":"2013-01-02","to":"2013-02-28"}""").post("/pulls")
        .then().statusCode(200).body("resumedFrom", equalTo("2013-01-19")).body("gaps", empty()).body("jobId", nullValue());
    assertThat(StandInAlpaca.REQUESTS).hasSize(2);
  }

  @Test
  void aLongGapIsFetchedAcrossSeveralPages() {
    StandInAlpaca.REQUESTS.clear();
    StandInAlpaca.THROTTLE_NEXT.set(false);
    // the stand-in serves Apple's prices for any symbol: February 2013 has 19 trading days, 2 pages of 10
    given().contentType("application/json").body("""
        {"symbol":"AAPLP","frame":"1d","from":"2013-02-01","to":"2013-02-28"}""").post("/pulls")
        .then().statusCode(200).body("gaps.size()", equalTo(19)).body("barsLanded", equalTo(19)).body("stillMissing", empty());
    assertThat(StandInAlpaca.REQUESTS).hasSize(2);
    assertThat(StandInAlpaca.REQUESTS.getLast().getQuery()).contains("page_token=10");
  }

  @Test
  void serverErrorsOfTheProviderAreRetriedWithBackoffAndThePullThenLandsEveryMissingDay() throws Exception {
    StandInAlpaca.REQUESTS.clear();
    StandInAlpaca.THROTTLE_NEXT.set(false);
    StandInAlpaca.SERVER_ERRORS.addAll(List.of(503, 500, 502));
    try {
      // the trading week of 2013-02-11..15
      given().contentType("application/json").body("""
          {"symbol":"AAPL5XX","frame":"1d","from":"2013-02-11","to":"2013-02-15"}""").post("/pulls")
          .then().statusCode(200).body("gaps.size()", equalTo(5)).body("barsLanded", equalTo(5)).body("stillMissing", empty());
    } finally {
      StandInAlpaca.SERVER_ERRORS.clear();
    }

    // the same request four times: three outages, then the page
    assertThat(StandInAlpaca.REQUESTS).hasSize(4).extracting(java.net.URI::toString).containsOnly(StandInAlpaca.REQUESTS.getFirst().toString());
    try (Stream<Path> files = Files.list(config.alpaca().archive().resolve("source=alpaca/symbol=AAPL5XX"))) {
      assertThat(files.map(ProviderPullIT::json)).extracting(node -> node.get("status").asInt()).containsExactlyInAnyOrder(503, 500, 502, 200);
    }
    assertThat(given().get("/bars/AAPL5XX?frame=1d").then().statusCode(200).extract().asString().lines()).hasSize(5);
  }

  @Test
  void aProviderOutageLongerThanTheAttemptsFailsThePullAndLandsNothing() {
    StandInAlpaca.REQUESTS.clear();
    StandInAlpaca.THROTTLE_NEXT.set(false);
    int attempts = config.alpaca().maxAttempts();
    StandInAlpaca.SERVER_ERRORS.addAll(java.util.Collections.nCopies(attempts + 1, 503));
    try {
      given().contentType("application/json").body("""
          {"symbol":"AAPLDOWN","frame":"1d","from":"2013-02-11","to":"2013-02-15"}""").post("/pulls")
          .then().statusCode(500).contentType("application/problem+json");
    } finally {
      StandInAlpaca.SERVER_ERRORS.clear();
    }

    assertThat(StandInAlpaca.REQUESTS).hasSize(attempts);
    given().get("/bars/AAPLDOWN?frame=1d").then().statusCode(200).body(equalTo(""));
  }

  @Test
  void aBadPullRequestIsAProblemDocument() {
    given().contentType("application/json").body("{\"symbol\":\"AAPL\",\"frame\":\"1d\",\"from\":\"2013-03-01\",\"to\":\"2013-02-01\"}")
        .post("/pulls").then().statusCode(422).contentType("application/problem+json");
    given().contentType("application/json").body("{\"symbol\":\"AAPL\"}").post("/pulls").then().statusCode(422)
        .body("violations.field", contains("frame", "from", "to"));
  }

  @Test
  void aSymbolTheProviderDoesNotKnowIsTheClientsMistakeAndNothingLands() {
    StandInAlpaca.THROTTLE_NEXT.set(false);
    given().contentType("application/json").body("""
        {"symbol":"NOSUCH","frame":"1d","from":"2013-02-01","to":"2013-02-05"}""").post("/pulls")
        .then().statusCode(422).contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("HTTP 422"));
    given().get("/bars/NOSUCH?frame=1d").then().statusCode(200).body(equalTo(""));
  }

  private static JsonNode json(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
