package dev.strata.ingest.adapter.out.micrometer;

import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.ingest.domain.job.JobClaim;
import dev.strata.ingest.domain.job.JobKind;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Counts what finished jobs did, where a job's outcome is saved: {@code strata.ingest.jobs} by kind and outcome
 * (completed, failed) and {@code strata.ingest.rows} by kind and outcome (accepted, rejected). A finish another
 * attempt took over is not counted; that attempt counts its own. Every series exists at zero from the start, so
 * a first failure is an increase Prometheus can see.
 */
public final class MeteredIngestionJobs implements IngestionJobs {

  private final IngestionJobs jobs;
  private final MeterRegistry meters;

  public MeteredIngestionJobs(IngestionJobs jobs, MeterRegistry meters) {
    this.jobs = jobs;
    this.meters = meters;
    for (JobKind kind : JobKind.values()) {
      for (JobStatus outcome : List.of(JobStatus.COMPLETED, JobStatus.FAILED)) {
        meters.counter("strata.ingest.jobs", "kind", tag(kind), "outcome", tag(outcome));
      }
      meters.counter("strata.ingest.rows", "kind", tag(kind), "outcome", "accepted");
      meters.counter("strata.ingest.rows", "kind", tag(kind), "outcome", "rejected");
    }
  }

  @Override
  public CompletionStage<Optional<IngestionJob>> find(String id) {
    return jobs.find(id);
  }

  @Override
  public CompletionStage<Optional<IngestionJob>> begin(IngestionJob started, JobClaim claim, boolean overwrite) {
    return jobs.begin(started, claim, overwrite);
  }

  @Override
  public CompletionStage<Boolean> renew(String id, JobClaim claim) {
    return jobs.renew(id, claim);
  }

  @Override
  public CompletionStage<Boolean> finish(IngestionJob finished, String holder, List<Envelope<DatasetIngested>> events) {
    return jobs.finish(finished, holder, events).thenApply(held -> {
      if (held) {
        String kind = tag(finished.kind());
        meters.counter("strata.ingest.jobs", "kind", kind, "outcome", tag(finished.status())).increment();
        meters.counter("strata.ingest.rows", "kind", kind, "outcome", "accepted").increment(finished.accepted());
        meters.counter("strata.ingest.rows", "kind", kind, "outcome", "rejected").increment(finished.rejections().size());
      }
      return held;
    });
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
