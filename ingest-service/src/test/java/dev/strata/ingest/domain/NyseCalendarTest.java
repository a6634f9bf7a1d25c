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

  @Test
  void theDayAfterThanksgivingChristmasEveAndJulyThirdCloseAtOneWhenTheyAreTradingDays() {
    var friday = calendar.session(LocalDate.of(2024, 11, 29)).orElseThrow();
    assertThat(friday.earlyClose()).isTrue();
    assertThat(friday.open()).isEqualTo(Instant.parse("2024-11-29T14:30:00Z"));
    assertThat(friday.close()).as("13:00 New York, standard time").isEqualTo(Instant.parse("2024-11-29T18:00:00Z"));
    assertThat(calendar.session(LocalDate.of(2024, 12, 24)).orElseThrow().earlyClose()).as("Christmas Eve, a Tuesday").isTrue();
    var july = calendar.session(LocalDate.of(2024, 7, 3)).orElseThrow();
    assertThat(july.close()).as("13:00 New York, daylight time").isEqualTo(Instant.parse("2024-07-03T17:00:00Z"));
    assertThat(calendar.session(LocalDate.of(2024, 11, 28))).as("Thanksgiving").isEmpty();
    assertThat(calendar.isEarlyClose(LocalDate.of(2021, 12, 24))).as("Christmas observed on Friday the 24th").isFalse();
    assertThat(calendar.isEarlyClose(LocalDate.of(2026, 7, 3))).as("July 4th observed on Friday the 3rd").isFalse();
    assertThat(calendar.isEarlyClose(LocalDate.of(2026, 7, 2))).isFalse();
    var regular = calendar.session(LocalDate.of(2024, 11, 27)).orElseThrow();
    assertThat(regular.earlyClose()).isFalse();
    assertThat(regular.close()).isEqualTo(Instant.parse("2024-11-27T21:00:00Z"));
  }

  @Test
  void intradayGapsAreTheSessionsMinutesWithoutABarAndEndAtAnEarlyClose() {
    var open = Instant.parse("2024-11-29T14:30:00Z");
    List<Instant> bars = new java.util.ArrayList<>();
    for (int minute = 0; minute < 240; minute++) {
      if (minute != 5 && minute != 6 && minute < 200) {
        bars.add(open.plusSeconds(60L * minute));
      }
    }
    bars.add(Instant.parse("2024-11-29T13:00:00Z")); // pre-market: not counted

    var days = dev.strata.ingest.domain.pull.SessionGaps.of(calendar, Frame.of("1m"), LocalDate.of(2024, 11, 28),
        LocalDate.of(2024, 11, 29), bars);

    assertThat(days).singleElement().satisfies(day -> {
      assertThat(day.earlyClose()).isTrue();
      assertThat(day.expected()).isEqualTo(210);
      assertThat(day.present()).isEqualTo(198);
      assertThat(day.missing()).containsExactly(
          new dev.strata.ingest.domain.pull.SessionGaps.Missing(open.plusSeconds(300), open.plusSeconds(420), 2),
          new dev.strata.ingest.domain.pull.SessionGaps.Missing(open.plusSeconds(60L * 200), Instant.parse("2024-11-29T18:00:00Z"), 10));
    });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.strata.ingest.domain.pull.SessionGaps.of(calendar, Frame.of("7m"),
        LocalDate.of(2024, 11, 29), LocalDate.of(2024, 11, 29), bars)).hasMessageContaining("dividing 30 minutes");
  }
}
