package dev.strata.ingest.application;

import dev.strata.ingest.domain.bar.Frame;
import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.ingest.domain.calendar.NyseCalendar;
import dev.strata.ingest.domain.lake.LakeReader.BarQuery;
import dev.strata.ingest.domain.lake.LakeReader;
import dev.strata.ingest.domain.pull.Checkpoints;
import dev.strata.ingest.domain.pull.Gaps;
import dev.strata.ingest.domain.pull.MarketData;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.contract.Bar;
import dev.strata.kernel.value.SafeName;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Backfilling from the provider: resume after the symbol's checkpoint, find the trading days the
 * lake has no bars for, fetch only those (all pages), land them as an {@code alpaca} job and move
 * the checkpoint.
 */
public final class PullBars {

  static final String SOURCE = "alpaca";

  private final MarketData provider;
  private final LakeReader lake;
  private final Checkpoints checkpoints;
  private final IngestBars ingestBars;
  private final NyseCalendar calendar;

  public PullBars(MarketData provider, LakeReader lake, Checkpoints checkpoints, IngestBars ingestBars,
      NyseCalendar calendar) {
    this.provider = provider;
    this.lake = lake;
    this.checkpoints = checkpoints;
    this.ingestBars = ingestBars;
    this.calendar = calendar;
  }

  public Uni<PullReport> run(PullBarsCommand command) {
    String symbol = SafeName.SYMBOL.require(command.symbol());
    Frame frame = Frame.of(command.frame());
    if (command.from() == null || command.to() == null || command.from().isAfter(command.to())) {
      throw new DomainException.Invalid("from and to are required and from must not be after to");
    }
    return Uni.createFrom().completionStage(() -> checkpoints.last(symbol, frame.value(), SOURCE))
        .map(last -> last.map(ts -> Gaps.tradingDay(frame, ts).plusDays(1)).filter(day -> day.isAfter(command.from())).orElse(command.from()))
        .flatMap(start -> fetchGaps(symbol, frame, start, command.to()))
        .flatMap(fetch -> land(symbol, frame, command.to(), fetch));
  }

  private Uni<Fetch> fetchGaps(String symbol, Frame frame, LocalDate start, LocalDate to) {
    List<Instant> present = new ArrayList<>();
    return Uni.createFrom().completionStage(() ->
            lake.bars(new BarQuery(symbol, frame.value(), midnight(start), midnight(to.plusDays(1)), null), bar -> present.add(bar.ts())))
        .flatMap(read -> {
          List<LocalDate> gaps = start.isAfter(to) ? List.of() : Gaps.missing(calendar, frame, start, to, present);
          if (gaps.isEmpty()) {
            return Uni.createFrom().item(new Fetch(start, gaps, present, List.of()));
          }
          List<Bar> fetched = new ArrayList<>();
          return pages(symbol, frame, gaps, Set.copyOf(gaps), null, fetched).replaceWith(() -> new Fetch(start, gaps, present, fetched));
        });
  }

  /** Fetches the page after {@code token} and the ones after it, one after another, keeping the bars of wanted days. */
  private Uni<Void> pages(String symbol, Frame frame, List<LocalDate> gaps, Set<LocalDate> wanted, String token, List<Bar> fetched) {
    return Uni.createFrom().completionStage(() ->
            provider.bars(symbol, frame.value(), midnight(gaps.getFirst()), midnight(gaps.getLast().plusDays(1)), token))
        .flatMap(page -> {
          page.bars().stream().filter(bar -> bar.ts() != null && wanted.contains(Gaps.tradingDay(frame, bar.ts()))).forEach(fetched::add);
          return page.nextPageToken() == null ? Uni.createFrom().voidItem() : pages(symbol, frame, gaps, wanted, page.nextPageToken(), fetched);
        });
  }

  private Uni<PullReport> land(String symbol, Frame frame, LocalDate to, Fetch fetch) {
    if (fetch.bars().isEmpty()) {
      return Uni.createFrom().item(new PullReport(symbol, frame.value(), fetch.start(), fetch.gaps(), 0, null, fetch.gaps()));
    }
    var command = new IngestBarsCommand(symbol, frame.value(), fetch.bars(), null, ValidationMode.DROP_BAD_ROWS, false, SOURCE);
    return ingestBars.run(command).flatMap(report -> {
      List<Instant> landed = new ArrayList<>(fetch.present());
      fetch.bars().forEach(bar -> landed.add(bar.ts()));
      List<LocalDate> stillMissing = Gaps.missing(calendar, frame, fetch.start(), to, landed);
      Instant last = fetch.bars().getLast().ts();
      if (report.status() != dev.strata.ingest.domain.job.JobStatus.COMPLETED) {
        return Uni.createFrom().item(new PullReport(symbol, frame.value(), fetch.start(), fetch.gaps(), 0, report.jobId(), fetch.gaps()));
      }
      return Uni.createFrom().completionStage(() -> checkpoints.save(symbol, frame.value(), SOURCE, last))
          .replaceWith(new PullReport(symbol, frame.value(), fetch.start(), fetch.gaps(), report.accepted(), report.jobId(), stillMissing));
    });
  }

  private static Instant midnight(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private record Fetch(LocalDate start, List<LocalDate> gaps, List<Instant> present, List<Bar> bars) {}
}
