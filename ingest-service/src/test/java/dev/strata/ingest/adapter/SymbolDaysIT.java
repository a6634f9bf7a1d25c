package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.strata.ingest.application.RecordSymbolDays;
import dev.strata.ingest.domain.symbolbars.BarsLanded;
import dev.strata.ingest.domain.symbolbars.SymbolDay;
import dev.strata.ingest.domain.symbolbars.SymbolDays;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.OPERATOR)
class SymbolDaysIT {

  @Inject SymbolDays symbolDays;

  private SymbolDay load(String symbol, String frame, LocalDate day) {
    return symbolDays.find(symbol, frame, day).toCompletableFuture().join();
  }

  @Test
  void landingBarsKeepsOneAggregatePerSymbolAndTradingDay() {
    String ndjson = """
        {"ts":"2023-03-13T14:30:00Z","open":10,"high":11,"low":9,"close":10,"volume":1}
        {"ts":"2023-03-13T14:31:00Z","open":10,"high":11,"low":9,"close":10,"volume":1}
        {"ts":"2023-03-14T14:30:00Z","open":10,"high":11,"low":9,"close":10,"volume":1}
        """;
    given().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/bars?symbol=DAYS&frame=1m&jobId=days-1").then().statusCode(201);

    SymbolDay monday = load("DAYS", "1m", LocalDate.of(2023, 3, 13));
    assertThat(monday.barsLanded()).isEqualTo(2);
    assertThat(monday.version()).isEqualTo(1);
    assertThat(monday.lastJobId()).isEqualTo("days-1");
    assertThat(load("DAYS", "1m", LocalDate.of(2023, 3, 14)).barsLanded()).isEqualTo(1);
  }

  @Test
  void aSaveOverAStaleVersionIsAConflictAndChangesNothing() {
    LocalDate day = LocalDate.of(2024, 1, 2);
    Instant ts = Instant.parse("2024-01-02T15:00:00Z");
    SymbolDay loaded = load("STALE", "1m", day);
    symbolDays.save(loaded.land(1, ts, ts, "writer-a")).toCompletableFuture().join();

    // writer b loaded the same version before writer a saved
    assertThatThrownBy(() -> symbolDays.save(loaded.land(7, ts, ts, "writer-b")).toCompletableFuture().join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(DomainException.Conflict.class);

    SymbolDay stored = load("STALE", "1m", day);
    assertThat(stored.lastJobId()).isEqualTo("writer-a");
    assertThat(stored.barsLanded()).isEqualTo(1);

    SymbolDay second = stored.land(2, ts, ts, "writer-c");
    symbolDays.save(second).toCompletableFuture().join();
    assertThatThrownBy(() -> symbolDays.save(stored.land(3, ts, ts, "writer-d")).toCompletableFuture().join())
        .hasCauseInstanceOf(DomainException.Conflict.class);
    assertThat(load("STALE", "1m", day).version()).isEqualTo(2);
  }

  @Test
  void daysAreSavedTogetherAndOneStaleDayMeansNoneOfTheSetIsSaved() {
    LocalDate first = LocalDate.of(2024, 2, 5);
    LocalDate second = LocalDate.of(2024, 2, 6);
    Instant ts = Instant.parse("2024-02-05T15:00:00Z");
    List<SymbolDay> loaded = symbolDays.findAll("SET", "1m", List.of(first, second)).toCompletableFuture().join();
    assertThat(loaded).extracting(SymbolDay::tradingDay).containsExactly(first, second);
    symbolDays.saveAll(loaded.stream().map(day -> day.land(1, ts, ts, "writer-a")).toList()).toCompletableFuture().join();

    // writer b touches both days, but only the second was loaded fresh
    SymbolDay freshSecond = load("SET", "1m", second);
    assertThatThrownBy(() -> symbolDays.saveAll(List.of(loaded.get(0).land(5, ts, ts, "writer-b"), freshSecond.land(5, ts, ts, "writer-b")))
        .toCompletableFuture().join())
        .hasCauseInstanceOf(DomainException.Conflict.class);

    assertThat(symbolDays.findAll("SET", "1m", List.of(first, second)).toCompletableFuture().join())
        .allSatisfy(day -> {
          assertThat(day.lastJobId()).isEqualTo("writer-a");
          assertThat(day.version()).isEqualTo(1);
        });
  }

  @Test
  void concurrentLandingsOnOneDayAreAllCounted() {
    LocalDate day = LocalDate.of(2024, 3, 4);
    RecordSymbolDays record = new RecordSymbolDays(symbolDays);
    int writers = 16;
    List<CompletableFuture<Void>> landings = IntStream.range(0, writers).mapToObj(writer -> {
      Instant ts = Instant.parse("2024-03-04T15:00:00Z").plusSeconds(60L * writer);
      var event = new BarsLanded("crowd-" + writer, "CROWD", "1m", Map.of(day, new BarsLanded.DaySummary(10, ts, ts)));
      return record.on(event).subscribeAsCompletionStage();
    }).toList();
    landings.forEach(CompletableFuture::join);

    SymbolDay counted = load("CROWD", "1m", day);
    assertThat(counted.barsLanded()).isEqualTo(10L * writers);
    assertThat(counted.version()).isEqualTo(writers);
    assertThat(counted.firstTs()).isEqualTo(Instant.parse("2024-03-04T15:00:00Z"));
    assertThat(counted.lastTs()).isEqualTo(Instant.parse("2024-03-04T15:15:00Z"));
  }
}
