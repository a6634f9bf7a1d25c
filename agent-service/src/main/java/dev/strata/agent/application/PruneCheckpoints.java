package dev.strata.agent.application;

import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.shared.UnitOfWork;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Applies the checkpoint retention policy: the newest {@code keepLast} of each execution are kept, and none older
 * than {@code maxAge}; what a live execution may resume from always stays ({@link Checkpoints#prune}).
 */
public final class PruneCheckpoints {

  private final Checkpoints checkpoints;
  private final UnitOfWork unitOfWork;
  private final OptionalInt keepLast;
  private final Optional<Duration> maxAge;
  private final Clock clock;

  public PruneCheckpoints(Checkpoints checkpoints, UnitOfWork unitOfWork, OptionalInt keepLast, Optional<Duration> maxAge, Clock clock) {
    if (keepLast.isPresent() && keepLast.getAsInt() < 1) {
      throw new IllegalArgumentException("agent.checkpoints.keep-last must be at least 1, was " + keepLast.getAsInt());
    }
    this.checkpoints = checkpoints;
    this.unitOfWork = unitOfWork;
    this.keepLast = keepLast;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** How many checkpoints were deleted. */
  public Uni<Long> run() {
    return Async.uni(() -> unitOfWork.write(() -> checkpoints.prune(keepLast, maxAge.map(age -> clock.instant().minus(age)))));
  }
}
