package dev.strata.agent.domain.execution;

import dev.strata.agent.domain.workflow.ExecutionState;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a run picks up: the next step to run, the state so far and the checkpoint it follows.
 * The rule: an execution's own last checkpoint wins; else the checkpoint it was forked from; else
 * the start.
 */
public record Resumption(int nextStep, ExecutionState state, UUID parentCheckpointId) {

  public static Resumption of(Execution execution, Optional<Checkpoint> ownLatest, Optional<Checkpoint> forkedFrom) {
    return ownLatest.or(() -> forkedFrom)
        .map(cp -> new Resumption(cp.stepIndex() + 1, cp.state(), cp.id()))
        .orElseGet(() -> new Resumption(0, ExecutionState.start(execution.input()), null));
  }
}
