package dev.strata.agent.application;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.execution.Executions;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/** An execution's checkpoints in step order, or one checkpoint. */
public final class ReadCheckpoints {

  private final Executions executions;
  private final Checkpoints checkpoints;
  private final UnitOfWork unitOfWork;

  public ReadCheckpoints(Executions executions, Checkpoints checkpoints, UnitOfWork unitOfWork) {
    this.executions = executions;
    this.checkpoints = checkpoints;
    this.unitOfWork = unitOfWork;
  }

  public Uni<List<Checkpoint>> of(UUID executionId) {
    return Async.uni(() -> unitOfWork.read(() -> executions.get(executionId).thenCompose(found -> {
      found.orElseThrow(() -> new DomainException.NotFound("execution " + executionId + " not found"));
      return checkpoints.of(executionId);
    })));
  }

  public Uni<Checkpoint> one(UUID executionId, UUID checkpointId) {
    return Async.<Checkpoint>uni(() -> unitOfWork.read(() -> checkpoints.get(checkpointId).thenApply(found -> found
        .filter(cp -> cp.executionId().equals(executionId))
        .orElseThrow(() -> new DomainException.NotFound("checkpoint " + checkpointId + " of execution " + executionId + " not found")))));
  }
}
