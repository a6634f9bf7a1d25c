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
