package dev.strata.scoring.application;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The training and scoring jobs this process has taken on, queued or running. Their files are touched
 * on every heartbeat, so any process sharing the registry folder can tell a job whose runner is alive from
 * one whose runner stopped ({@link FailInterruptedJobs}).
 */
public final class JobsInFlight {

  private final Set<String> ids = ConcurrentHashMap.newKeySet();

  /** Runs {@code work} for job {@code id} on {@code executor}, counting the job in flight until the work returns. */
  public void run(String id, Executor executor, Runnable work) {
    ids.add(id);
    try {
      executor.execute(() -> {
        try {
          work.run();
        } finally {
          ids.remove(id);
        }
      });
    } catch (RuntimeException rejected) {
      ids.remove(id);
      throw rejected;
    }
  }

  public boolean contains(String id) {
    return ids.contains(id);
  }

  /** The heartbeat: hands every job in flight to {@code touch} with {@code now}. */
  public void beat(Instant now, BiConsumer<String, Instant> touch) {
    ids.forEach(id -> touch.accept(id, now));
  }
}
