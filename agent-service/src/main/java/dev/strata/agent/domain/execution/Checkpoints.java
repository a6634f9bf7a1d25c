package dev.strata.agent.domain.execution;

import java.util.List;
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
}
