package dev.strata.scoring.application;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs background jobs away from the request that started them, as many at a time as the composition
 * root allows (a training run at a time, a couple of scoring runs).
 */
@FunctionalInterface
public interface JobRunner {

  /** Queues the job and returns at once; throws when the runner takes no more work. */
  void start(Supplier<Uni<Void>> job);
}
