package dev.strata.ingest.application;

import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.ingest.domain.job.JobClaim;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.ingest.domain.lake.BronzeLake;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a landing plan as a job, shared by every intake: claim the job id (a completed one is
 * replayed, not rewritten, while its files are in the lake — landed again when they are gone; one
 * held by a live attempt is a conflict), write the files (the lake completes off the event loop) while a
 * heartbeat keeps the claim alive, then complete the job and queue one
 * {@code dataset.ingested} per file in the same transaction. A failure removes what the job had
 * landed, so nothing is half-written, and records the job as failed, so a retry may start it again.
 */
public final class JobLifecycle {

  private static final Duration GIVE_UP_BACKOFF = Duration.ofMillis(100);
  private static final int GIVE_UP_ATTEMPTS = 4;

  private final IngestionJobs jobs;
  private final BronzeLake lake;
  private final Clock clock;
  private final ClaimTerms terms;

  public JobLifecycle(IngestionJobs jobs, BronzeLake lake, Clock clock, ClaimTerms terms) {
    this.jobs = jobs;
    this.lake = lake;
    this.clock = clock;
    this.terms = terms;
  }

  Uni<IngestionReport> run(LandingPlan plan) {
    IngestionJob started = plan.job().start(clock.instant());
    JobClaim claim = terms.newClaim(started.updatedAt());
    return Uni.createFrom().completionStage(() -> jobs.find(started.id()))
        .flatMap(prior -> {
          boolean resubmitted = prior.isPresent() && prior.get().status() == JobStatus.COMPLETED && !plan.overwrite();
          // a completed job whose files left the lake (a wiped run folder, a lost disk) is landed again,
          // so that resubmitting it restores what it reported instead of replaying a report of nothing
          // (a stat per file, on the rare resubmission of a completed job)
          Uni<Boolean> lostFiles = resubmitted
              ? Uni.createFrom().completionStage(() -> lake.holds(prior.get().files())).map(holds -> !holds)
              : Uni.createFrom().item(false);
          return lostFiles.flatMap(lost -> {
            if (resubmitted && !lost) {
              return Uni.createFrom().item(IngestionReport.of(prior.get(), true));
            }
            // a job id seen before may have left its own files behind: those are ours to replace
            boolean overwrite = plan.overwrite() || prior.isPresent();
            return Uni.createFrom().completionStage(() -> jobs.begin(started, claim, plan.overwrite() || lost))
                .flatMap(blocker -> blocker.isPresent()
                    ? Uni.createFrom().failure(new DomainException.Conflict("job " + started.id() + " is already running"))
                    : new Heartbeat(jobs, clock, terms).keepAlive(started.id(), claim, land(started, claim.holder(), plan, overwrite)));
          });
        });
  }

  private Uni<IngestionReport> land(IngestionJob started, String holder, LandingPlan plan, boolean overwrite) {
    if (plan.refusal() != null) {
      IngestionJob failed = started.fail(plan.refusal(), plan.rejected(), clock.instant());
      return finish(failed, holder, List.of()).replaceWith(IngestionReport.of(failed, false));
    }
    return Uni.createFrom().completionStage(() -> plan.writer().apply(overwrite))
        .onFailure().call(failure -> giveUp(started, holder, plan, failure))
        .flatMap(files -> {
          IngestionJob done = started.complete(plan.accepted(), plan.rejected(), files, clock.instant());
          return finish(done, holder, events(done, plan))
              .onFailure().call(failure -> Uni.createFrom().completionStage(() -> lake.remove(files)))
              .onFailure().call(failure -> giveUp(started, holder, plan, failure))
              .flatMap(held -> held
                  ? Uni.createFrom().item(IngestionReport.of(done, false))
                  // the attempt that took the job over writes the same file names: removing ours could remove its files
                  : Uni.createFrom().failure(new DomainException.Conflict(
                      "job " + done.id() + " was taken over by another attempt while this one was writing")));
        });
  }

  /**
   * Records the job as failed, so that a retry may start it again at once instead of meeting a job
   * still IN_PROGRESS until its lease lapses (a commit that failed on a lost connection left it so).
   * When that fails too, the database is still away and the lease frees the job.
   */
  private Uni<Boolean> giveUp(IngestionJob started, String holder, LandingPlan plan, Throwable failure) {
    return finish(started.fail(failure.getMessage(), plan.rejected(), clock.instant()), holder, List.of())
        // the pool may first hand out another connection the server ended before it noticed; a new one follows
        .onFailure().retry().withBackOff(GIVE_UP_BACKOFF).atMost(GIVE_UP_ATTEMPTS)
        .onFailure().recoverWithItem(false);
  }

  private Uni<Boolean> finish(IngestionJob job, String holder, List<Envelope<DatasetIngested>> events) {
    return Uni.createFrom().completionStage(() -> jobs.finish(job, holder, events));
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
