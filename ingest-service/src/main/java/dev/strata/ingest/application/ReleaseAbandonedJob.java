package dev.strata.ingest.application;

import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.List;

/**
 * Frees a job a stopped consumer left IN_PROGRESS, so the broker's redelivery of its message can
 * run it now instead of failing until {@code stale-after} and being dead-lettered on the way.
 *
 * <p>Only for redelivered queue messages: RabbitMQ hands a message out again only after the
 * consumer holding it nacked it or lost its connection, so its job is no longer being worked on
 * through the queue. (A REST submission of the same job id at the same moment is not protected.)
 */
public final class ReleaseAbandonedJob {

  private final IngestionJobs jobs;
  private final Clock clock;

  public ReleaseAbandonedJob(IngestionJobs jobs, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
  }

  /**
   * Runs {@code ingest}; when it finds its job still running and the message is a redelivery,
   * frees the abandoned job and runs it once more.
   */
  public <T> Uni<T> runTakingOver(String jobId, boolean redelivered, java.util.function.Supplier<Uni<T>> ingest) {
    return ingest.get().onFailure(DomainException.Conflict.class).recoverWithUni(conflict -> redelivered
        ? run(jobId).chain(() -> ingest.get())
        : Uni.createFrom().failure(conflict));
  }

  Uni<Void> run(String jobId) {
    return Uni.createFrom().completionStage(() -> jobs.find(jobId))
        .flatMap(found -> found.filter(job -> job.status() == JobStatus.IN_PROGRESS)
            .map(job -> Uni.createFrom().completionStage(() -> jobs.finish(
                job.fail("abandoned by a stopped consumer; taken over by the redelivered message", List.of(), clock.instant()), List.of())))
            .orElse(Uni.createFrom().voidItem()));
  }
}
