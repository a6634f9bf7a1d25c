package dev.strata.ingest.application;

import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.JobKind;
import dev.strata.ingest.domain.lake.BronzeLake;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.ingest.domain.usage.UsageValidation;
import dev.strata.ingest.domain.usage.ValidUsageEvent;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/** Ingesting a batch of usage events: validate, land one file per UTC day, report. */
public final class IngestUsage {

  private final JobLifecycle lifecycle;
  private final BronzeLake lake;
  private final Clock clock;

  public IngestUsage(JobLifecycle lifecycle, BronzeLake lake, Clock clock) {
    this.lifecycle = lifecycle;
    this.lake = lake;
    this.clock = clock;
  }

  public Uni<IngestionReport> run(IngestUsageCommand command) {
    return Uni.createFrom().deferred(() -> lifecycle.run(plan(command)));
  }

  private LandingPlan plan(IngestUsageCommand command) {
    String jobId = JobIds.orNew(command.jobId());
    UsageValidation validation = UsageValidation.of(command.events());
    boolean rejectAll = command.mode() == ValidationMode.REJECT_BATCH && !validation.rejected().isEmpty();
    List<ValidUsageEvent> landing = rejectAll ? List.of() : validation.accepted();
    Instant now = clock.instant();
    String refusal = command.events().isEmpty() ? "the batch has no events"
        : rejectAll ? validation.rejected().size() + " of " + command.events().size() + " events were rejected"
        : landing.isEmpty() ? "no event passed validation" : null;
    Map<LocalDate, List<ValidUsageEvent>> days = byDay(landing);
    return new LandingPlan(IngestionJob.pending(jobId, JobKind.USAGE, null, null, now), command.overwrite(),
        landing.size(), validation.rejected(), refusal,
        overwrite -> write(days, jobId, now, overwrite), file -> DatasetIdentity.usage(), Map.of());
  }

  private static Map<LocalDate, List<ValidUsageEvent>> byDay(List<ValidUsageEvent> events) {
    return events.stream().sorted(Comparator.comparing(ValidUsageEvent::ts)).collect(Collectors.groupingBy(
        event -> LocalDate.ofInstant(event.ts(), ZoneOffset.UTC), TreeMap::new, Collectors.toList()));
  }

  private CompletionStage<List<LandedFile>> write(Map<LocalDate, List<ValidUsageEvent>> days, String jobId, Instant now,
      boolean overwrite) {
    return lake.writeUsage(days, jobId, now, overwrite);
  }
}
