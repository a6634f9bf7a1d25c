package dev.strata.scoring.application;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The training and scoring jobs this process has taken on, queued or running. Their files are touched
 * on every heartbeat, so any process sharing the registry folder can tell a job whose runner is alive from
 * one whose runner stopped ({@link FailInterruptedJobs}).
 */
public final class JobsInFlight {

  private final Set<String> ids = ConcurrentHashMap.newKeySet();

  /** Starts {@code work} for job {@code id} on {@code runner}, counting the job in flight until the work is done. */
  public void run(String id, JobRunner runner, Supplier<Uni<Void>> work) {
    ids.add(id);
    try {
      runner.start(() -> Uni.createFrom().deferred(work::get).eventually(() -> ids.remove(id)));
    } catch (RuntimeException rejected) {
      ids.remove(id);
      throw rejected;
    }
  }

  public boolean contains(String id) {
    return ids.contains(id);
  }

  /** The heartbeat: hands every job in flight to {@code touch} with {@code now}, one after another. */
  public Uni<Void> beat(Instant now, BiFunction<String, Instant, Uni<Void>> touch) {
    return Async.inOrder(java.util.List.copyOf(ids), id -> touch.apply(id, now)).replaceWithVoid();
  }
}
