package dev.strata.scoring.application;

import dev.strata.scoring.domain.scoring.ScoringJobs;
import dev.strata.scoring.domain.training.TrainingJob;
import dev.strata.scoring.domain.training.TrainingJobs;
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

  Map<String, Instant> touchTimes();

  /** Whether the job is still running; empty when it is gone. */
  Optional<Boolean> running(String id);

  /** Marks a job that no process runs any more as FAILED ({@link TrainingJob#INTERRUPTED}). */
  void interrupt(String id, Instant now);

  void delete(String id);

  static List<JobShelf> of(TrainingJobs trainings, ScoringJobs scorings) {
    return List.of(trainings(trainings), scorings(scorings));
  }

  private static JobShelf trainings(TrainingJobs jobs) {
    return new JobShelf() {
      public Map<String, Instant> touchTimes() { return jobs.touchTimes(); }
      public Optional<Boolean> running(String id) { return jobs.find(id).map(TrainingJob::running); }
      public void interrupt(String id, Instant now) { jobs.find(id).ifPresent(job -> jobs.save(job.interrupted())); }
      public void delete(String id) { jobs.delete(id); }
    };
  }

  private static JobShelf scorings(ScoringJobs jobs) {
    return new JobShelf() {
      public Map<String, Instant> touchTimes() { return jobs.touchTimes(); }
      public Optional<Boolean> running(String id) { return jobs.find(id).map(job -> job.running()); }
      public void interrupt(String id, Instant now) {
        jobs.find(id).ifPresent(job -> jobs.save(job.failed(TrainingJob.INTERRUPTED, now)));
      }
      public void delete(String id) { jobs.delete(id); }
    };
  }
}
