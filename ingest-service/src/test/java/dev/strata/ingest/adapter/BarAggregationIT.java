package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.OPERATOR)
class BarAggregationIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> read(String url) throws Exception {
    List<JsonNode> bars = new ArrayList<>();
    for (String line : given().get(url).then().statusCode(200).extract().asString().lines().toList()) {
      bars.add(JSON.readTree(line));
    }
    return bars;
  }

  @Test
  void ethFiveMinuteBarsRollUpToFifteenMinutesAndHoursWithFirstOpenMaxHighMinLowLastCloseAndSummedVolume() throws Exception {
    given().contentType("application/x-ndjson").body(String.join("\n", TestData.ethFiveMinuteNdjson()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/bars?symbol=ETH-AGG&frame=5m&jobId=eth-agg").then().statusCode(201);
    List<JsonNode> raw = read("/bars/ETH-AGG?frame=5m");
    List<JsonNode> quarter = read("/bars/ETH-AGG?frame=5m&interval=15m");
    List<JsonNode> hours = read("/bars/ETH-AGG?frame=5m&interval=1h");

    assertThat(raw).hasSize(580);
    JsonNode first = quarter.getFirst();
    List<JsonNode> members = raw.stream().filter(bar -> !Instant.parse(bar.get("ts").asText()).isBefore(Instant.parse(first.get("ts").asText()))
        && Instant.parse(bar.get("ts").asText()).isBefore(Instant.parse(first.get("ts").asText()).plusSeconds(900))).toList();
    assertThat(first.get("frame").asText()).isEqualTo("15m");
    assertThat(first.get("open").asDouble()).isEqualTo(members.getFirst().get("open").asDouble());
    assertThat(first.get("close").asDouble()).isEqualTo(members.getLast().get("close").asDouble());
    assertThat(first.get("high").asDouble()).isEqualTo(members.stream().mapToDouble(bar -> bar.get("high").asDouble()).max().orElseThrow());
    assertThat(first.get("low").asDouble()).isEqualTo(members.stream().mapToDouble(bar -> bar.get("low").asDouble()).min().orElseThrow());
    assertThat(first.get("volume").asDouble()).isCloseTo(members.stream().mapToDouble(bar -> bar.get("volume").asDouble()).sum(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(quarter.stream().mapToDouble(bar -> bar.get("volume").asDouble()).sum())
        .isCloseTo(raw.stream().mapToDouble(bar -> bar.get("volume").asDouble()).sum(), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(hours).allSatisfy(bar -> assertThat(bar.get("ts").asText()).endsWith(":00:00Z"));
    assertThat(hours.size()).isBetween(48, 50);
  }

  @Test
  void oneMinuteBarsRollUpToFiveMinutesWithFirstOpenMaxHighMinLowLastCloseAndSummedVolumeAfterACorrection() throws Exception {
    // ts, open, high, low, close, volume; 14:37 is missing and 14:40 starts a bucket of two bars.
    // The highs and lows of the first bucket are in its middle, so neither the first nor the last bar carries them.
    String bars = """
        {"ts":"2024-03-04T14:30:00Z","open":10.00,"high":10.50,"low":9.80,"close":10.20,"volume":100}
        {"ts":"2024-03-04T14:31:00Z","open":10.20,"high":11.00,"low":10.10,"close":10.90,"volume":150}
        {"ts":"2024-03-04T14:32:00Z","open":10.90,"high":10.95,"low":9.50,"close":9.70,"volume":200}
        {"ts":"2024-03-04T14:33:00Z","open":9.70,"high":10.00,"low":9.60,"close":9.90,"volume":50}
        {"ts":"2024-03-04T14:34:00Z","open":9.90,"high":10.30,"low":9.85,"close":10.25,"volume":75}
        {"ts":"2024-03-04T14:35:00Z","open":10.25,"high":10.40,"low":10.20,"close":10.30,"volume":10}
        {"ts":"2024-03-04T14:36:00Z","open":10.30,"high":10.60,"low":10.28,"close":10.55,"volume":20}
        {"ts":"2024-03-04T14:38:00Z","open":10.55,"high":10.70,"low":10.00,"close":10.10,"volume":30}
        {"ts":"2024-03-04T14:39:00Z","open":10.10,"high":10.20,"low":10.05,"close":10.15,"volume":40}
        {"ts":"2024-03-04T14:40:00Z","open":10.15,"high":10.20,"low":10.10,"close":10.12,"volume":5}
        {"ts":"2024-03-04T14:41:00Z","open":10.12,"high":10.30,"low":10.11,"close":10.29,"volume":7}
        """;
    given().contentType("application/x-ndjson").body(bars.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/bars?symbol=ONE-MIN&frame=1m&jobId=one-min").then().statusCode(201);

    List<JsonNode> fives = read("/bars/ONE-MIN?frame=1m&interval=5m");

    assertThat(fives).extracting(bar -> bar.get("ts").asText())
        .containsExactly("2024-03-04T14:30:00Z", "2024-03-04T14:35:00Z", "2024-03-04T14:40:00Z");
    assertThat(fives).allSatisfy(bar -> {
      assertThat(bar.get("symbol").asText()).isEqualTo("ONE-MIN");
      assertThat(bar.get("frame").asText()).isEqualTo("5m");
    });
    assertOhlcv(fives.get(0), 10.00, 11.00, 9.50, 10.25, 575);
    assertOhlcv(fives.get(1), 10.25, 10.70, 10.00, 10.15, 100);
    assertOhlcv(fives.get(2), 10.15, 10.30, 10.10, 10.29, 12);

    // a later job corrects 14:34: the roll-up takes the corrected bar, once, not both
    given().contentType("application/x-ndjson").body("""
        {"ts":"2024-03-04T14:34:00Z","open":9.90,"high":11.20,"low":9.40,"close":10.40,"volume":80}
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/bars?symbol=ONE-MIN&frame=1m&jobId=one-min-correction").then().statusCode(201);

    List<JsonNode> corrected = read("/bars/ONE-MIN?frame=1m&interval=5m");
    assertThat(corrected).hasSize(3);
    assertOhlcv(corrected.get(0), 10.00, 11.20, 9.40, 10.40, 580);
    assertOhlcv(corrected.get(1), 10.25, 10.70, 10.00, 10.15, 100);

    // a range that starts inside a bucket rolls up only the bars in the range
    List<JsonNode> fromInside = read("/bars/ONE-MIN?frame=1m&interval=5m&from=2024-03-04T14:36:00Z&to=2024-03-04T14:41:00Z");
    assertThat(fromInside).extracting(bar -> bar.get("ts").asText()).containsExactly("2024-03-04T14:35:00Z", "2024-03-04T14:40:00Z");
    assertOhlcv(fromInside.get(0), 10.30, 10.70, 10.00, 10.15, 90);
    assertOhlcv(fromInside.get(1), 10.15, 10.20, 10.10, 10.12, 5);
  }

  private static void assertOhlcv(JsonNode bar, double open, double high, double low, double close, double volume) {
    assertThat(bar.get("open").asDouble()).as("open of %s", bar.get("ts")).isEqualTo(open);
    assertThat(bar.get("high").asDouble()).as("high of %s", bar.get("ts")).isEqualTo(high);
    assertThat(bar.get("low").asDouble()).as("low of %s", bar.get("ts")).isEqualTo(low);
    assertThat(bar.get("close").asDouble()).as("close of %s", bar.get("ts")).isEqualTo(close);
    assertThat(bar.get("volume").asDouble()).as("volume of %s", bar.get("ts")).isEqualTo(volume);
  }

  @Test
  void dailyBarsFollowTheNewYorkSessionAcrossTheDaylightSavingChange() throws Exception {
    // Friday 2023-03-10 is EST (session opens 14:30 UTC); Monday 2023-03-13 is EDT (13:30 UTC).
    StringBuilder ndjson = new StringBuilder();
    for (String ts : List.of("2023-03-10T13:30:00Z", "2023-03-10T14:30:00Z", "2023-03-10T20:59:00Z", "2023-03-10T21:00:00Z",
        "2023-03-13T13:29:00Z", "2023-03-13T13:30:00Z", "2023-03-13T19:59:00Z", "2023-03-13T20:00:00Z")) {
      double price = Instant.parse(ts).getEpochSecond() % 1000 + 100;
      ndjson.append("{\"ts\":\"%s\",\"open\":%s,\"high\":%s,\"low\":%s,\"close\":%s,\"volume\":1}\n".formatted(ts, price, price, price, price));
    }
    given().contentType("application/x-ndjson").body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/bars?symbol=DST&frame=1m&jobId=dst").then().statusCode(201);

    List<JsonNode> days = read("/bars/DST?frame=1m&interval=1d");

    assertThat(days).hasSize(2);
    assertThat(days.get(0).get("ts").asText()).isEqualTo("2023-03-10T14:30:00Z");
    assertThat(days.get(0).get("volume").asDouble()).isEqualTo(2.0);
    assertThat(days.get(0).get("open").asDouble()).isEqualTo(Instant.parse("2023-03-10T14:30:00Z").getEpochSecond() % 1000 + 100);
    assertThat(days.get(1).get("ts").asText()).isEqualTo("2023-03-13T13:30:00Z");
    assertThat(days.get(1).get("volume").asDouble()).isEqualTo(2.0);
    assertThat(days.get(1).get("close").asDouble()).isEqualTo(Instant.parse("2023-03-13T19:59:00Z").getEpochSecond() % 1000 + 100);
  }
}
