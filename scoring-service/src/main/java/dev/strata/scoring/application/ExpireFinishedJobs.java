package dev.strata.scoring.application;

import dev.strata.scoring.domain.scoring.ScoringJobs;
import dev.strata.scoring.domain.training.TrainingJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Forgets finished jobs some time after they finished, so the registry folder does not grow without
 * end (a scoring job keeps its whole result) and a client has that long to fetch a result. Only jobs
 * untouched for that long are read; a running job is touched on every heartbeat and never qualifies.
 */
public class ExpireFinishedJobs {

  private static final System.Logger LOG = System.getLogger(ExpireFinishedJobs.class.getName());

  private final List<JobShelf> shelves;
  private final Duration keep;

  public ExpireFinishedJobs(TrainingJobs trainings, ScoringJobs scorings, Duration keep) {
    this.shelves = JobShelf.of(trainings, scorings);
    this.keep = keep;
  }

  /** Deletes the finished jobs last saved before {@code now} minus the retention; returns how many. */
  public int run(Instant now) {
    Instant expiredBefore = now.minus(keep);
    int deleted = 0;
    for (JobShelf shelf : shelves) {
      for (Map.Entry<String, Instant> job : shelf.touchTimes().entrySet()) {
        boolean finished = !shelf.running(job.getKey()).orElse(true); // a job gone meanwhile is nothing to delete
        if (job.getValue().isBefore(expiredBefore) && finished) {
          shelf.delete(job.getKey());
          deleted++;
        }
      }
    }
    if (deleted > 0) {
      LOG.log(System.Logger.Level.INFO, "{0} finished job(s) older than {1} deleted", deleted, keep);
    }
    return deleted;
  }
}
