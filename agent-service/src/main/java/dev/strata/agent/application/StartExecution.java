package dev.strata.agent.application;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionRecords;
import dev.strata.agent.domain.execution.Outbox;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.WorkflowLookup;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Starts an execution — fresh, or forked from a checkpoint — as a PENDING row plus its
 * {@code workflow.execute} message in the outbox: both commit or neither. The same idempotency
 * key for the same workflow answers the execution it already started.
 */
public final class StartExecution {

  /** The execution and whether this call created it. */
  public record Started(Execution execution, boolean created) {}

  private final ExecutionRecords executions;
  private final WorkflowLookup workflows;
  private final Checkpoints checkpoints;
  private final Outbox outbox;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public StartExecution(ExecutionRecords executions, WorkflowLookup workflows, Checkpoints checkpoints, Outbox outbox, UnitOfWork unitOfWork, Clock clock) {
    this.executions = executions;
    this.workflows = workflows;
    this.checkpoints = checkpoints;
    this.outbox = outbox;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  public Uni<Started> run(UUID workflowId, String idempotencyKey, Map<String, Object> input) {
    return start(workflowId, idempotencyKey, () -> workflows.get(workflowId).thenApply(found -> {
      found.orElseThrow(() -> new DomainException.NotFound("workflow " + workflowId + " not found"));
      return Execution.pending(UUID.randomUUID(), workflowId, input, idempotencyKey, null, clock.instant());
    }));
  }

  /** A new execution of the checkpoint's workflow that continues after the checkpoint's step. */
  public Uni<Started> fork(UUID checkpointId, String idempotencyKey) {
    return Async.<Checkpoint>uni(() -> unitOfWork.read(() -> checkpoints.get(checkpointId).thenApply(found -> found.orElse(null))))
        .onItem().ifNull().failWith(() -> new DomainException.NotFound("checkpoint " + checkpointId + " not found"))
        .chain(cp -> Async.<Execution>uni(() -> unitOfWork.read(() -> executions.get(cp.executionId()).thenApply(e -> e.orElseThrow())))
            .chain(parent -> start(parent.workflowId(), idempotencyKey, () -> java.util.concurrent.CompletableFuture.completedFuture(
                Execution.pending(UUID.randomUUID(), parent.workflowId(), cp.state().input(), idempotencyKey, cp.id(), clock.instant())))));
  }

  private Uni<Started> start(UUID workflowId, String key, java.util.function.Supplier<CompletionStage<Execution>> fresh) {
    return Async.<Started>uni(() -> unitOfWork.write(() -> executions.byIdempotencyKey(workflowId, key).thenCompose(existing -> existing.isPresent()
            ? java.util.concurrent.CompletableFuture.completedFuture(new Started(existing.get(), false))
            : fresh.get().thenCompose(executions::create).thenCompose(created -> outbox.enqueue(MessageType.WORKFLOW_EXECUTE, Envelope.of(
                    MessageType.WORKFLOW_EXECUTE,
                    new WorkflowExecute(created.id(), workflowId, created.input(), created.forkedFrom()),
                    created.id().toString()))
                .thenApply(x -> new Started(created, true))))))
        // a concurrent request with the same key won the unique index: answer its execution
        .onFailure(DomainException.Conflict.class).recoverWithUni(() -> Async.<Started>uni(() -> unitOfWork.read(
            () -> executions.byIdempotencyKey(workflowId, key).thenApply(found -> new Started(found.orElseThrow(), false)))));
  }
}
