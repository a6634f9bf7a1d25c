package dev.strata.ingest.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The NYSE trading calendar: weekdays except the exchange holidays (computed by their rules, with
 * Saturday holidays observed on Friday and Sunday ones on Monday) and the unscheduled closures.
 * Weekends and holidays are therefore never gaps. A trading day's regular session runs 09:30–16:00 New
 * York time, or 09:30–13:00 on the early-close days: the day after Thanksgiving, and Christmas Eve and
 * July 3rd when they are trading days.
 */
public final class NyseCalendar {

  public static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final LocalTime OPEN = LocalTime.of(9, 30);
  private static final LocalTime CLOSE = LocalTime.of(16, 0);
  private static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

  /** Closures no rule predicts: 9/11, Hurricane Sandy, national days of mourning. */
  private static final Set<LocalDate> UNSCHEDULED = Set.of(
      LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13), LocalDate.of(2001, 9, 14),
      LocalDate.of(2004, 6, 11), LocalDate.of(2007, 1, 2), LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30),
      LocalDate.of(2018, 12, 5), LocalDate.of(2025, 1, 9));

  public boolean isTradingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isHoliday(day);
  }

  /** The trading days in {@code [from, to]}. */
  public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
    return from.datesUntil(to.plusDays(1)).filter(this::isTradingDay).toList();
  }

  /** Whether the exchange closes at 13:00 on {@code day}, a trading day. */
  public boolean isEarlyClose(LocalDate day) {
    if (!isTradingDay(day)) {
      return false;
    }
    MonthDay date = MonthDay.from(day);
    return date.equals(MonthDay.of(Month.DECEMBER, 24)) || date.equals(MonthDay.of(Month.JULY, 3))
        || day.equals(nth(day.getYear(), Month.NOVEMBER, DayOfWeek.THURSDAY, 4).plusDays(1));
  }

  /** The regular session of {@code day}; empty when it is no trading day. */
  public Optional<Session> session(LocalDate day) {
    if (!isTradingDay(day)) {
      return Optional.empty();
    }
    boolean early = isEarlyClose(day);
    return Optional.of(new Session(day, day.atTime(OPEN).atZone(ZONE).toInstant(),
        day.atTime(early ? EARLY_CLOSE : CLOSE).atZone(ZONE).toInstant(), early));
  }

  public boolean isHoliday(LocalDate day) {
    return UNSCHEDULED.contains(day) || holidays(day.getYear()).anyMatch(day::equals);
  }

  private static Stream<LocalDate> holidays(int year) {
    Stream.Builder<LocalDate> days = Stream.builder();
    LocalDate newYear = LocalDate.of(year, 1, 1);
    // a New Year's Day on a Saturday is not observed on the Friday before (NYSE rule 7.2)
    if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
      days.add(observed(newYear));
    }
    days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
    days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
    days.add(easter(year).minusDays(2));
    days.add(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    if (year >= 2022) {
      days.add(observed(LocalDate.of(year, Month.JUNE, 19)));
    }
    days.add(observed(LocalDate.of(year, Month.JULY, 4)));
    days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
    days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
    days.add(observed(LocalDate.of(year, Month.DECEMBER, 25)));
    return days.build();
  }

  private static LocalDate observed(LocalDate holiday) {
    return switch (holiday.getDayOfWeek()) {
      case SATURDAY -> holiday.minusDays(1);
      case SUNDAY -> holiday.plusDays(1);
      default -> holiday;
    };
  }

  private static LocalDate nth(int year, Month month, DayOfWeek weekday, int n) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
  }

  /** Western Easter Sunday (anonymous Gregorian algorithm). */
  static LocalDate easter(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
