package dev.strata.ingest.domain.pull;

import dev.strata.ingest.domain.bar.Frame;
import dev.strata.ingest.domain.calendar.NyseCalendar;
import dev.strata.ingest.domain.calendar.Session;
import dev.strata.kernel.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Intraday gap detection: in each trading session of a range, the bar starts an intraday frame should have
 * (from the open, one per frame, up to the close: 390 one-minute bars on a regular day, 210 on an early-close
 * day) and the runs of them that have no bar. Bars outside the regular session (pre- and after-market) are
 * not counted; weekends, holidays and the minutes after an early close are never gaps.
 */
public final class SessionGaps {

  private static final Duration HALF_HOUR = Duration.ofMinutes(30);

  private SessionGaps() {}

  /** Minutes without a bar, from {@code from} inclusive to {@code to} exclusive: {@code bars} bar starts. */
  public record Missing(Instant from, Instant to, int bars) {}

  /** One session: its times, how many bars it should have and has, and the runs it lacks. */
  public record Day(LocalDate day, Instant open, Instant close, boolean earlyClose, int expected, int present,
      List<Missing> missing) {

    public Day {
      missing = List.copyOf(missing);
    }
  }

  /** A frame whose bars tile the session from its open: whole minutes dividing half an hour (1m, 5m, 15m, 30m …). */
  public static void requireSessionFrame(Frame frame) {
    if (!frame.minuteBased() || HALF_HOUR.toSeconds() % frame.duration().toSeconds() != 0) {
      throw new DomainException.Invalid("intraday gaps need a frame of whole minutes dividing 30 minutes (1m, 5m, 15m, 30m), not "
          + frame.value());
    }
  }

  public static List<Day> of(NyseCalendar calendar, Frame frame, LocalDate from, LocalDate to, Collection<Instant> barStarts) {
    requireSessionFrame(frame);
    Set<Instant> present = new HashSet<>(barStarts);
    Duration step = frame.duration();
    List<Day> days = new ArrayList<>();
    for (LocalDate day : calendar.tradingDays(from, to)) {
      Session session = calendar.session(day).orElseThrow();
      List<Missing> missing = new ArrayList<>();
      int expected = 0;
      int found = 0;
      Instant runStart = null;
      int runBars = 0;
      for (Instant slot = session.open(); slot.isBefore(session.close()); slot = slot.plus(step)) {
        expected++;
        if (present.contains(slot)) {
          found++;
          if (runStart != null) {
            missing.add(new Missing(runStart, slot, runBars));
            runStart = null;
          }
        } else if (runStart == null) {
          runStart = slot;
          runBars = 1;
        } else {
          runBars++;
        }
      }
      if (runStart != null) {
        missing.add(new Missing(runStart, session.close(), runBars));
      }
      days.add(new Day(day, session.open(), session.close(), session.earlyClose(), expected, found, missing));
    }
    return days;
  }
}
