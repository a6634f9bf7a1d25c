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
    return new LandingPlan(job, command.overwrite(), landing.size(), validation.rejected(),
        refusal(command, validation),
        overwrite -> write(BarPartition.split(symbol, frame, landing), jobId, now, overwrite),
        file -> new DatasetIdentity("market", source, "bars", frame.value(), symbol), days(frame, landing));
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

  private static Map<LocalDate, BarsLanded.DaySummary> days(Frame frame, List<ValidBar> bars) {
    Map<LocalDate, BarsLanded.DaySummary> days = new TreeMap<>();
    for (ValidBar bar : bars) {
      days.merge(Gaps.tradingDay(frame, bar.ts()), new BarsLanded.DaySummary(1, bar.ts(), bar.ts()),
          (a, b) -> new BarsLanded.DaySummary(a.bars() + b.bars(), a.first(), b.last()));
    }
    return days;
  }

  private List<LandedFile> write(Map<BarPartition, List<ValidBar>> partitions, String jobId, Instant now, boolean overwrite) {
    return lake.writeBars(partitions, jobId, now, overwrite);
  }
}
