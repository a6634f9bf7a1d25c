package dev.strata.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.ingest.domain.symbolbars.SymbolDay;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SymbolDayTest {

  @Test
  void eachLandingWidensTheDaysRangeCountsItsBarsAndBumpsTheVersionByOne() {
    SymbolDay day = SymbolDay.none("SPX", "1m", LocalDate.of(2024, 3, 1))
        .land(10, Instant.parse("2024-03-01T15:00:00Z"), Instant.parse("2024-03-01T15:09:00Z"), "a")
        .land(5, Instant.parse("2024-03-01T14:30:00Z"), Instant.parse("2024-03-01T14:34:00Z"), "b");

    assertThat(day.version()).isEqualTo(2);
    assertThat(day.barsLanded()).isEqualTo(15);
    assertThat(day.firstTs()).isEqualTo(Instant.parse("2024-03-01T14:30:00Z"));
    assertThat(day.lastTs()).isEqualTo(Instant.parse("2024-03-01T15:09:00Z"));
    assertThat(day.lastJobId()).isEqualTo("b");
  }
}
