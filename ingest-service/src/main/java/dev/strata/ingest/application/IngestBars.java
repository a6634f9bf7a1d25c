package dev.strata.ingest.application;

import dev.strata.ingest.domain.bar.BarPartition;
import dev.strata.ingest.domain.bar.BarPolicies;
import dev.strata.ingest.domain.bar.BarValidation;
import dev.strata.ingest.domain.bar.Frame;
import dev.strata.ingest.domain.bar.ValidBar;
import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.JobKind;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.ingest.domain.lake.BronzeLake;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.ingest.domain.pull.Gaps;
import dev.strata.ingest.domain.symbolbars.BarsLanded;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.value.SafeName;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/** Ingesting a batch of bars: validate, land one file per partition, report. */
public final class IngestBars {

  private final JobLifecycle lifecycle;
  private final BronzeLake lake;
  private final Clock clock;
  private final DomainEvents events;

  public IngestBars(JobLifecycle lifecycle, BronzeLake lake, Clock clock, DomainEvents events) {
    this.lifecycle = lifecycle;
    this.lake = lake;
    this.clock = clock;
    this.events = events;
  }

  public Uni<IngestionReport> run(IngestBarsCommand command) {
    return Uni.createFrom().deferred(() -> {
      LandingPlan plan = plan(command);
      return lifecycle.run(plan).call(report -> landed(report, plan));
    });
  }

  private Uni<Void> landed(IngestionReport report, LandingPlan plan) {
    if (report.replayed() || report.status() != JobStatus.COMPLETED) {
      return Uni.createFrom().voidItem();
    }
    return events.publish(new BarsLanded(report.jobId(), plan.job().symbol(), plan.job().frame(), plan.days()));
  }

  private LandingPlan plan(IngestBarsCommand command) {
    String symbol = SafeName.SYMBOL.require(command.symbol());
    Frame frame = Frame.of(command.frame());
    String source = SafeName.IDENTIFIER.require(command.source());
    String jobId = JobIds.orNew(command.jobId());
    BarValidation validation = BarValidation.of(command.bars(), frame, BarPolicies.ALL);
    List<ValidBar> landing = validation.landing(command.mode());
    Instant now = clock.instant();
    IngestionJob job = IngestionJob.pending(jobId, JobKind.BARS, symbol, frame.value(), now);
    // split here, with the validation: the writer runs where the job's claim completed, maybe an event loop
    Map<BarPartition, List<ValidBar>> partitions = BarPartition.split(symbol, frame, landing);
    return new LandingPlan(job, command.overwrite(), landing.size(), validation.rejected(),
        refusal(command, validation),
        overwrite -> write(partitions, jobId, now, overwrite),
        file -> DatasetIdentity.bars(source, frame.value(), symbol), days(frame, landing));
  }

  private static String refusal(IngestBarsCommand command, BarValidation validation) {
    if (command.bars().isEmpty()) {
      return "the batch has no bars";
    }
    if (command.mode() == ValidationMode.REJECT_BATCH && !validation.rejected().isEmpty()) {
      return validation.rejected().size() + " of " + command.bars().size() + " bars were rejected";
    }
    return validation.accepted().isEmpty() ? "no bar passed validation" : null;
  }

  /**
   * The bars per trading day. Consecutive bars of one day are counted as a run and merged into the
   * map once per run rather than once per bar (bars arrive ordered, so a 100 k batch has ~70 runs).
   */
  private static Map<LocalDate, BarsLanded.DaySummary> days(Frame frame, List<ValidBar> bars) {
    Map<LocalDate, BarsLanded.DaySummary> days = new TreeMap<>();
    LocalDate day = null;
    int count = 0;
    Instant first = null;
    Instant last = null;
    for (ValidBar bar : bars) {
      LocalDate barDay = Gaps.tradingDay(frame, bar.ts());
      if (!barDay.equals(day)) {
        mergeRun(days, day, count, first, last);
        day = barDay;
        count = 0;
        first = bar.ts();
      }
      count++;
      last = bar.ts();
    }
    mergeRun(days, day, count, first, last);
    return days;
  }

  private static void mergeRun(Map<LocalDate, BarsLanded.DaySummary> days, LocalDate day, int count, Instant first, Instant last) {
    if (day != null) {
      days.merge(day, new BarsLanded.DaySummary(count, first, last),
          (a, b) -> new BarsLanded.DaySummary(a.bars() + b.bars(), a.first(), b.last()));
    }
  }

  private CompletionStage<List<LandedFile>> write(Map<BarPartition, List<ValidBar>> partitions, String jobId, Instant now,
      boolean overwrite) {
    return lake.writeBars(partitions, jobId, now, overwrite);
  }
}
