package dev.strata.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.ingest.domain.bar.Frame;
import dev.strata.ingest.domain.calendar.NyseCalendar;
import dev.strata.ingest.domain.pull.Gaps;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NyseCalendarTest {

  private final NyseCalendar calendar = new NyseCalendar();

  @Test
  void the2013CalendarHas252TradingDaysLikeTheRealAppleBarsOfThatYear() {
    assertThat(calendar.tradingDays(LocalDate.of(2013, 1, 1), LocalDate.of(2013, 12, 31))).hasSize(252);
  }

  @Test
  void everyTradingDayOfTheRealSp500Bars2000To2002IsACalendarTradingDayAndNoneIsMissing() throws Exception {
    List<LocalDate> barDays;
    try (var in = getClass().getClassLoader().getResourceAsStream("sp500-daily-2000-2002.csv")) {
      barDays = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
          .map(line -> LocalDate.parse(line.substring(0, 10))).toList();
    }
    // 2001 has 248 sessions: the exchange stayed closed after 9/11
    assertThat(calendar.tradingDays(LocalDate.of(2000, 1, 1), LocalDate.of(2002, 12, 31))).isEqualTo(barDays);
  }

  @Test
  void holidaysFollowTheirRulesIncludingObservedDaysGoodFridayAndJuneteenth() {
    assertThat(calendar.isTradingDay(LocalDate.of(2013, 1, 21))).as("MLK day").isFalse();
    assertThat(calendar.isTradingDay(LocalDate.of(2013, 3, 29))).as("Good Friday").isFalse();
    assertThat(calendar.isTradingDay(LocalDate.of(2021, 7, 5))).as("July 4th observed on Monday").isFalse();
    assertThat(calendar.isTradingDay(LocalDate.of(2021, 12, 31))).as("New Year on a Saturday is not observed").isTrue();
    assertThat(calendar.isTradingDay(LocalDate.of(2023, 6, 19))).as("Juneteenth").isFalse();
    assertThat(calendar.isTradingDay(LocalDate.of(2012, 10, 29))).as("Hurricane Sandy").isFalse();
    assertThat(calendar.isTradingDay(LocalDate.of(2013, 1, 22))).isTrue();
  }

  @Test
  void weekendsAndHolidaysAreNeverGapsButAMissingTradingDayIs() {
    var bars = List.of(Instant.parse("2013-01-17T05:00:00Z"), Instant.parse("2013-01-22T05:00:00Z"));
    assertThat(Gaps.missing(calendar, Frame.of("1d"), LocalDate.of(2013, 1, 17), LocalDate.of(2013, 1, 22), bars))
        .containsExactly(LocalDate.of(2013, 1, 18));
  }
}
