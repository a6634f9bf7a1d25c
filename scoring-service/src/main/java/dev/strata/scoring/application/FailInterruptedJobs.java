package dev.strata.scoring.application;

import dev.strata.scoring.domain.scoring.ScoringJobs;
import dev.strata.scoring.domain.training.TrainingJob;
import dev.strata.scoring.domain.training.TrainingJobs;
import java.time.Instant;

/**
 * At start-up, marks FAILED ("interrupted by restart") every training or scoring job a previous
 * process left RUNNING: no one will finish it, and a client polling it must not wait forever.
 * Only jobs started before this process booted are touched, so a job this process has already
 * begun is never mistaken for an orphan.
 */
public class FailInterruptedJobs {

  private static final System.Logger LOG = System.getLogger(FailInterruptedJobs.class.getName());

  private final TrainingJobs trainings;
  private final ScoringJobs scorings;

  public FailInterruptedJobs(TrainingJobs trainings, ScoringJobs scorings) {
    this.trainings = trainings;
    this.scorings = scorings;
  }

  /** Fails the orphans; returns how many. */
  public int run(Instant bootedAt) {
    int failed = 0;
    for (TrainingJob job : trainings.all()) {
      if (job.running() && job.startedAt().isBefore(bootedAt)) {
        trainings.save(job.interrupted());
        failed++;
      }
    }
    for (var job : scorings.all()) {
      if (job.running() && job.startedAt().isBefore(bootedAt)) {
        scorings.save(job.failed(TrainingJob.INTERRUPTED, bootedAt));
        failed++;
      }
    }
    if (failed > 0) {
      LOG.log(System.Logger.Level.WARNING, "{0} job(s) left running by a previous process are now FAILED ({1})", failed, TrainingJob.INTERRUPTED);
    }
    return failed;
  }
}
