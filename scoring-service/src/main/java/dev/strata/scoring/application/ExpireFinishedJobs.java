package dev.strata.scoring.application;

import dev.strata.scoring.domain.scoring.ScoringJobs;
import dev.strata.scoring.domain.training.TrainingJobs;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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

  /** Deletes the finished jobs last saved before {@code now} minus the retention; answers how many. */
  public Uni<Integer> run(Instant now) {
    Instant expiredBefore = now.minus(keep);
    AtomicInteger deleted = new AtomicInteger();
    return Async.inOrder(shelves, shelf -> shelf.touchTimes().chain(times -> Async.inOrder(List.copyOf(times.entrySet()), job ->
        shelf.running(job.getKey()).chain(running -> {
          boolean finished = !running.orElse(true); // a job gone meanwhile is nothing to delete
          if (job.getValue().isBefore(expiredBefore) && finished) {
            return shelf.delete(job.getKey()).invoke(deleted::incrementAndGet);
          }
          return Uni.createFrom().voidItem();
        })))).map(done -> {
          if (deleted.get() > 0) {
            LOG.log(System.Logger.Level.INFO, "{0} finished job(s) older than {1} deleted", deleted.get(), keep);
          }
          return deleted.get();
        });
  }
}
