package dev.strata.ingest.domain.pull;

import dev.strata.ingest.domain.bar.Frame;
import dev.strata.ingest.domain.calendar.NyseCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gap detection: the NYSE trading days in a range on which no bar starts. Weekends and exchange
 * holidays are not gaps. Intraday bars belong to their New York date; daily bars to their UTC date,
 * since providers stamp them at midnight UTC or at midnight New York (04:00/05:00 UTC).
 */
public final class Gaps {

  /** The trading day a bar starting at {@code ts} belongs to. */
  public static LocalDate tradingDay(Frame frame, Instant ts) {
    return LocalDate.ofInstant(ts, frame.intraday() ? NEW_YORK : ZoneOffset.UTC);
  }

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private Gaps() {}

  public static List<LocalDate> missing(
      NyseCalendar calendar, Frame frame, LocalDate from, LocalDate to, Collection<Instant> barStarts) {
    Set<LocalDate> covered = barStarts.stream().map(ts -> tradingDay(frame, ts)).collect(Collectors.toSet());
    return calendar.tradingDays(from, to).stream().filter(day -> !covered.contains(day)).toList();
  }
}
