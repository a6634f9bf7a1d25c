package dev.strata.ingest.application;

import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * For queue intakes: a message whose job another attempt is running waits for that attempt
 * instead of failing. Nacking would have the broker hand the message straight back and burn its
 * delivery limit into the DLQ within moments, while the holder needs seconds (if it is alive, it
 * completes the job and the message is then a replay) or one lease (if it died, the claim lapses
 * and the message takes the job over). REST callers are not made to wait: they get the 409.
 */
public final class WaitForRunningJob {

  private final IngestionJobs jobs;
  private final Duration pollEvery;

  /** @param pollEvery how often the job is tried again while another attempt holds it */
  public WaitForRunningJob(IngestionJobs jobs, Duration pollEvery) {
    this.jobs = jobs;
    this.pollEvery = pollEvery;
  }

  /** Runs {@code ingest}, and again every {@code pollEvery} for as long as its job is held by another attempt. */
  public <T> Uni<T> run(String jobId, Supplier<Uni<T>> ingest) {
    return Uni.createFrom().<T>deferred(ingest::get)
        .onFailure(DomainException.Conflict.class).recoverWithUni(conflict -> heldByAnother(jobId)
            .flatMap(held -> held
                ? Uni.createFrom().voidItem().onItem().delayIt().by(pollEvery).chain(() -> run(jobId, ingest))
                // any other conflict (a landed file without overwrite) is for the caller
                : Uni.createFrom().failure(conflict)));
  }

  private Uni<Boolean> heldByAnother(String jobId) {
    return Uni.createFrom().completionStage(() -> jobs.find(jobId))
        .map(found -> found.map(job -> job.status() == JobStatus.IN_PROGRESS).orElse(false));
  }
}
