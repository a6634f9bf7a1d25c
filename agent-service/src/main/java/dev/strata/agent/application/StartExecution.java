package dev.strata.agent.application;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.Executions;
import dev.strata.agent.domain.execution.ExecutionPath;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts an execution — fresh, or forked from a checkpoint — as a PENDING row plus its
 * {@code workflow.execute} message in the outbox, in one atomic write: both commit or neither. The
 * same idempotency key for the same workflow answers the execution it already started.
 */
public final class StartExecution {

  /** The execution and whether this call created it. */
  public record Started(Execution execution, boolean created) {}

  private final ExecutionPath path;
  private final Executions executions;
  private final Checkpoints checkpoints;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public StartExecution(ExecutionPath path, Executions executions, Checkpoints checkpoints, UnitOfWork unitOfWork, Clock clock) {
    this.path = path;
    this.executions = executions;
    this.checkpoints = checkpoints;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  public Uni<Started> run(UUID workflowId, String idempotencyKey, Map<String, Object> input) {
    return start(Execution.pending(UUID.randomUUID(), workflowId, input, idempotencyKey, null, clock.instant()));
  }

  /** A new execution of the checkpoint's workflow, on its parent's version, that continues after the checkpoint's step. */
  public Uni<Started> fork(UUID checkpointId, String idempotencyKey) {
    return Async.<Checkpoint>uni(() -> unitOfWork.read(() -> checkpoints.get(checkpointId).thenApply(found -> found.orElse(null))))
        .onItem().ifNull().failWith(() -> new DomainException.NotFound("checkpoint " + checkpointId + " not found"))
        .chain(cp -> Async.<Execution>uni(() -> unitOfWork.read(() -> executions.get(cp.executionId()).thenApply(e -> e.orElseThrow())))
            .chain(parent -> start(Execution.pending(UUID.randomUUID(), parent.workflowId(), cp.state().input(), idempotencyKey, cp.id(),
                clock.instant()).onWorkflowVersion(parent.workflowVersion()))));
  }

  private Uni<Started> start(Execution pending) {
    var message = new ExecutionPath.Outgoing<>(MessageType.WORKFLOW_EXECUTE, Envelope.of(MessageType.WORKFLOW_EXECUTE,
        new WorkflowExecute(pending.id(), pending.workflowId(), pending.input(), pending.forkedFrom()), pending.id().toString()));
    return Async.<Optional<Execution>>uni(() -> path.start(pending, message)).chain(created -> created.isPresent()
        ? Uni.createFrom().item(new Started(created.get(), true))
        // the key was used before, or by a concurrent request that the unique index made this one wait for
        : Async.<Started>uni(() -> unitOfWork.read(() -> executions.byIdempotencyKey(pending.workflowId(), pending.idempotencyKey())
            .thenApply(found -> new Started(found.orElseThrow(
                () -> new DomainException.NotFound("workflow " + pending.workflowId() + " not found")), false)))));
  }
}
