package dev.strata.scoring.application;

import dev.strata.scoring.domain.scoring.ScoringJobs;
import dev.strata.scoring.domain.training.TrainingJob;
import dev.strata.scoring.domain.training.TrainingJobs;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps this process's jobs alive and fails the jobs whose process stopped. Every process touches the
 * files of the jobs it runs on each heartbeat ({@link #heartbeat}); a RUNNING job that no process has
 * saved or touched for longer than the lease is marked FAILED ("interrupted by restart"), since no one
 * will finish it and a client polling it must not wait forever. Replicas share the registry folder, so
 * a job counts as abandoned by its heartbeat, not by which process booted when: a replica that starts
 * never fails the jobs of a replica that is still running them.
 */
public class FailInterruptedJobs {

  private static final System.Logger LOG = System.getLogger(FailInterruptedJobs.class.getName());

  private final TrainingJobs trainings;
  private final ScoringJobs scorings;
  private final List<JobShelf> shelves;
  private final JobsInFlight inFlight;
  private final Duration lease;
  /** Jobs seen finished: a finished job never runs again, so it is not read again on every beat. */
  private final Set<String> finished = ConcurrentHashMap.newKeySet();

  public FailInterruptedJobs(TrainingJobs trainings, ScoringJobs scorings, JobsInFlight inFlight, Duration lease) {
    this.trainings = trainings;
    this.scorings = scorings;
    this.shelves = JobShelf.of(trainings, scorings);
    this.inFlight = inFlight;
    this.lease = lease;
  }

  /** Touches the file of every job this process runs. */
  public Uni<Void> heartbeat(Instant now) {
    return inFlight.beat(now, (id, at) -> Async.uni(() -> trainings.touch(id, at)).chain(() -> Async.uni(() -> scorings.touch(id, at))));
  }

  /** Fails the running jobs whose heartbeat is older than the lease at {@code now}; answers how many. */
  public Uni<Integer> run(Instant now) {
    Instant staleBefore = now.minus(lease);
    AtomicInteger failed = new AtomicInteger();
    Set<String> stored = ConcurrentHashMap.newKeySet();
    return Async.inOrder(shelves, shelf -> shelf.touchTimes().chain(times -> Async.inOrder(List.copyOf(times.entrySet()), job -> {
      String id = job.getKey();
      stored.add(id);
      if (job.getValue().isBefore(staleBefore) && !inFlight.contains(id) && !finished.contains(id)) {
        return shelf.running(id).chain(running -> running.orElse(false)
            ? shelf.interrupt(id, now).invoke(failed::incrementAndGet)
            : Uni.createFrom().voidItem()).invoke(() -> finished.add(id));
      }
      return Uni.createFrom().voidItem();
    }))).map(done -> {
      finished.retainAll(stored); // deleted jobs need not be remembered
      if (failed.get() > 0) {
        LOG.log(System.Logger.Level.WARNING, "{0} running job(s) had no heartbeat for {1} and are now FAILED ({2})",
            failed.get(), lease, TrainingJob.INTERRUPTED);
      }
      return failed.get();
    });
  }
}
