package dev.strata.agent.domain.execution;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** The checkpoints of executions; appended, never changed. */
public interface Checkpoints {

  /** Fails with a conflict when the step already has a checkpoint (someone else committed it). */
  CompletionStage<Checkpoint> append(Checkpoint checkpoint);

  CompletionStage<Optional<Checkpoint>> get(UUID id);

  CompletionStage<Optional<Checkpoint>> latest(UUID executionId);

  CompletionStage<List<Checkpoint>> of(UUID executionId);

  /**
   * Deletes the checkpoints beyond the newest {@code keepLast} of their execution and those created before
   * {@code createdBefore} (either may be absent), except what a live execution may resume from: its newest
   * checkpoint and the one it was forked from. Answers how many it deleted.
   */
  CompletionStage<Long> prune(OptionalInt keepLast, Optional<Instant> createdBefore);
}
