package dev.strata.agent.domain.execution;

import dev.strata.agent.domain.workflow.ExecutionState;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The state after a step committed; written in the same transaction as the step's result, so
 * "checkpointed" means "done". {@code parentId} links to the previous checkpoint — in another
 * execution when this one was forked.
 */
public record Checkpoint(
    UUID id, UUID executionId, int stepIndex, String stepId, ExecutionState state, UUID parentId, Instant createdAt) {

  public Checkpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(state, "state");
  }
}
