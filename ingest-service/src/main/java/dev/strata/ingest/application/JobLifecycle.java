package dev.strata.ingest.application;

import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.ingest.domain.lake.BronzeLake;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs a landing plan as a job, shared by every intake: claim the job id (a completed one is
 * replayed, not rewritten), write the files off the event loop, then complete the job and queue
 * one {@code dataset.ingested} per file in the same transaction. A failure removes what the job
 * had landed, so nothing is half-written.
 */
public final class JobLifecycle {

  private final IngestionJobs jobs;
  private final BronzeLake lake;
  private final Executor blocking;
  private final Clock clock;

  public JobLifecycle(IngestionJobs jobs, BronzeLake lake, Executor blocking, Clock clock) {
    this.jobs = jobs;
    this.lake = lake;
    this.blocking = blocking;
    this.clock = clock;
  }

  Uni<IngestionReport> run(LandingPlan plan) {
    IngestionJob started = plan.job().start(clock.instant());
    return Uni.createFrom().completionStage(() -> jobs.find(started.id()))
        .flatMap(prior -> {
          if (prior.isPresent() && prior.get().status() == JobStatus.COMPLETED && !plan.overwrite()) {
            return Uni.createFrom().item(IngestionReport.of(prior.get(), true));
          }
          // a job id seen before may have left its own files behind: those are ours to replace
          boolean overwrite = plan.overwrite() || prior.isPresent();
          return Uni.createFrom().completionStage(() -> jobs.begin(started, plan.overwrite()))
              .flatMap(blocker -> blocker.isPresent()
                  ? Uni.createFrom().failure(new DomainException.Conflict("job " + started.id() + " is already running"))
                  : land(started, plan, overwrite));
        });
  }

  private Uni<IngestionReport> land(IngestionJob started, LandingPlan plan, boolean overwrite) {
    if (plan.refusal() != null) {
      IngestionJob failed = started.fail(plan.refusal(), plan.rejected(), clock.instant());
      return finish(failed, List.of());
    }
    return Uni.createFrom().item(() -> plan.writer().apply(overwrite)).runSubscriptionOn(blocking)
        .onFailure().call(failure -> finish(started.fail(failure.getMessage(), plan.rejected(), clock.instant()), List.of()))
        .flatMap(files -> {
          IngestionJob done = started.complete(plan.accepted(), plan.rejected(), files, clock.instant());
          return finish(done, events(done, plan))
              .onFailure().invoke(failure -> lake.remove(files));
        });
  }

  private Uni<IngestionReport> finish(IngestionJob job, List<Envelope<DatasetIngested>> events) {
    return Uni.createFrom().completionStage(() -> jobs.finish(job, events))
        .replaceWith(IngestionReport.of(job, false));
  }

  private static List<Envelope<DatasetIngested>> events(IngestionJob job, LandingPlan plan) {
    List<Envelope<DatasetIngested>> events = new ArrayList<>();
    for (LandedFile file : job.files()) {
      var payload = new DatasetIngested(plan.dataset().apply(file), file.from(), file.to(), file.path(),
          job.id(), file.rowCount(), file.sha256(), file.path());
      events.add(Envelope.of(MessageType.DATASET_INGESTED, payload, job.id()));
    }
    return events;
  }
}
