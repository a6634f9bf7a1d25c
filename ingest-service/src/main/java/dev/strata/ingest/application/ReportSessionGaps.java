package dev.strata.ingest.application;

import dev.strata.ingest.domain.bar.Frame;
import dev.strata.ingest.domain.calendar.NyseCalendar;
import dev.strata.ingest.domain.lake.LakeReader;
import dev.strata.ingest.domain.lake.LakeReader.BarQuery;
import dev.strata.ingest.domain.pull.SessionGaps;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /bars/{symbol}/gaps}: for each trading session of a range, the intraday bars the lake lacks, with
 * the early-close days marked. A provider leaves out a minute without trades, so a gap is a fact to look at
 * (a thin symbol, a feed outage), not a day to fetch again.
 */
public final class ReportSessionGaps {

  static final int MAX_DAYS = 92;

  private final LakeReader lake;
  private final NyseCalendar calendar;

  public ReportSessionGaps(LakeReader lake, NyseCalendar calendar) {
    this.lake = lake;
    this.calendar = calendar;
  }

  /**
   * The sessions of {@code [from, to]} (New York days).
   *
   * @param missingBars all the bars the sessions lack; {@code earlyCloses} the early-close days among them
   */
  public record Report(String symbol, String frame, LocalDate from, LocalDate to, int missingBars, List<LocalDate> earlyCloses,
      List<SessionGaps.Day> sessions) {}

  public Uni<Report> run(String symbol, String frameName, LocalDate from, LocalDate to) {
    SafeName.SYMBOL.require(symbol);
    Frame frame = Frame.of(frameName);
    SessionGaps.requireSessionFrame(frame);
    if (from == null || to == null || from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new DomainException.Invalid("from and to are required days, from not after to, at most " + MAX_DAYS + " days");
    }
    BarQuery query = new BarQuery(symbol, frame.value(), from.atStartOfDay(NyseCalendar.ZONE).toInstant(),
        to.plusDays(1).atStartOfDay(NyseCalendar.ZONE).toInstant(), null);
    return Uni.createFrom().deferred(() -> {
      List<Instant> starts = new ArrayList<>();
      return Uni.createFrom().completionStage(() -> lake.bars(query, bar -> starts.add(bar.ts()))).map(read -> {
        List<SessionGaps.Day> sessions = SessionGaps.of(calendar, frame, from, to, starts);
        return new Report(symbol, frame.value(), from, to, sessions.stream().mapToInt(day -> day.expected() - day.present()).sum(),
            sessions.stream().filter(SessionGaps.Day::earlyClose).map(SessionGaps.Day::day).toList(), sessions);
      });
    });
  }
}
