package dev.strata.scoring.application;

import dev.strata.scoring.domain.scoring.ScoringJob;
import dev.strata.scoring.domain.scoring.ScoringJobs;
import dev.strata.scoring.domain.training.TrainingJob;
import dev.strata.scoring.domain.training.TrainingJobs;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Training and scoring jobs as the housekeeping passes see them ({@link FailInterruptedJobs},
 * {@link ExpireFinishedJobs}): ids with their last heartbeat, read one by one only when a decision
 * needs the job itself.
 */
interface JobShelf {

  Uni<Map<String, Instant>> touchTimes();

  /** Whether the job is still running; empty when it is gone. */
  Uni<Optional<Boolean>> running(String id);

  /** Marks a job that no process runs any more as FAILED ({@link TrainingJob#INTERRUPTED}). */
  Uni<Void> interrupt(String id, Instant now);

  Uni<Void> delete(String id);

  static List<JobShelf> of(TrainingJobs trainings, ScoringJobs scorings) {
    return List.of(trainings(trainings), scorings(scorings));
  }

  private static JobShelf trainings(TrainingJobs jobs) {
    return new JobShelf() {
      public Uni<Map<String, Instant>> touchTimes() { return Async.uni(jobs::touchTimes); }
      public Uni<Optional<Boolean>> running(String id) {
        return Async.uni(() -> jobs.find(id)).map(job -> job.map(TrainingJob::running));
      }
      public Uni<Void> interrupt(String id, Instant now) {
        return Async.uni(() -> jobs.find(id))
            .chain(job -> job.isEmpty() ? Uni.createFrom().voidItem() : Async.uni(() -> jobs.save(job.get().interrupted())));
      }
      public Uni<Void> delete(String id) { return Async.uni(() -> jobs.delete(id)); }
    };
  }

  private static JobShelf scorings(ScoringJobs jobs) {
    return new JobShelf() {
      public Uni<Map<String, Instant>> touchTimes() { return Async.uni(jobs::touchTimes); }
      public Uni<Optional<Boolean>> running(String id) {
        return Async.uni(() -> jobs.find(id)).map(job -> job.map(ScoringJob::running));
      }
      public Uni<Void> interrupt(String id, Instant now) {
        return Async.uni(() -> jobs.find(id)).chain(job -> job.isEmpty() ? Uni.createFrom().voidItem()
            : Async.uni(() -> jobs.save(job.get().failed(TrainingJob.INTERRUPTED, now))));
      }
      public Uni<Void> delete(String id) { return Async.uni(() -> jobs.delete(id)); }
    };
  }
}
