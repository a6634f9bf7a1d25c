package dev.strata.agent.application;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionLeases;
import dev.strata.agent.domain.execution.ExecutionPath;
import dev.strata.agent.domain.execution.ExecutionPath.Claim;
import dev.strata.agent.domain.execution.Executions;
import dev.strata.agent.domain.execution.Resumption;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.WorkflowVersion;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The start of a run: takes the execution's lease and reads its steps and where to resume, in one
 * atomic write on the common path ({@link ExecutionPath#claim}); only when that declines does it
 * look closer, in a unit of work — creating an execution a producer published without one. Fails
 * with {@link ExecutionBusy} while another delivery holds the lease; answers null when the execution
 * already finished.
 */
final class ClaimExecution {

  private final ExecutionPath path;
  private final Executions executions;
  private final Checkpoints checkpoints;
  private final Workflows workflows;
  private final ExecutionLeases leases;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  ClaimExecution(ExecutionPath path, Executions executions, Checkpoints checkpoints, Workflows workflows, ExecutionLeases leases, UnitOfWork unitOfWork, Clock clock) {
    this.path = path;
    this.executions = executions;
    this.checkpoints = checkpoints;
    this.workflows = workflows;
    this.leases = leases;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  Uni<Claim> run(WorkflowExecute command, UUID id, UUID holder, Duration lease) {
    return Async.<Optional<Claim>>uni(() -> path.claim(id, holder, lease))
        .chain(claimed -> claimed.isPresent() ? Uni.createFrom().item(claimed.get()) : lookCloser(command, id, holder, lease));
  }

  /** Why the claim declined — absent (then created), ended, leased by another, workflow gone — and, where it can, claims anyway. */
  private Uni<Claim> lookCloser(WorkflowExecute command, UUID id, UUID holder, Duration lease) {
    return Async.<Claim>uni(() -> unitOfWork.write(() -> findOrCreate(command, id).thenCompose(execution -> execution.status().terminal()
            ? CompletableFuture.completedFuture(null)
            : leases.claim(id, holder, lease).thenCompose(claimed -> claimed
                ? definitionOf(execution).thenCompose(definition -> resumption(execution)
                    .thenApply(from -> new Claim(execution, definition.definition().steps(), from)))
                : CompletableFuture.failedFuture(new ExecutionBusy(id))))))
        // two first deliveries of a new execution raced to create it: the loser finds it on its second try
        .onFailure(DomainException.Conflict.class).retry().atMost(1);
  }

  private CompletionStage<Execution> findOrCreate(WorkflowExecute command, UUID id) {
    return executions.get(id).thenCompose(found -> found
        .<CompletionStage<Execution>>map(CompletableFuture::completedFuture)
        .orElseGet(() -> {
          if (command.workflowId() == null) {
            throw new DomainException.Invalid("workflow.execute needs a workflowId for a new execution");
          }
          // published without a start: it runs the workflow's current version
          return workflows.get(command.workflowId())
              .thenApply(workflow -> workflow.orElseThrow(() -> new DomainException.NotFound("workflow " + command.workflowId() + " not found")))
              .thenCompose(workflow -> executions.create(Execution.pending(id, command.workflowId(), command.input(), null,
                  command.resumeFromCheckpointId(), clock.instant()).onWorkflowVersion(workflow.version())));
        }));
  }

  private CompletionStage<WorkflowVersion> definitionOf(Execution execution) {
    return workflows.version(execution.workflowId(), execution.workflowVersion()).thenApply(found -> found.orElseThrow(
        () -> new DomainException.NotFound("workflow " + execution.workflowId() + " version " + execution.workflowVersion() + " not found")));
  }

  private CompletionStage<Resumption> resumption(Execution execution) {
    return checkpoints.latest(execution.id()).thenCompose(own ->
        (own.isEmpty() && execution.forkedFrom() != null ? checkpoints.get(execution.forkedFrom())
            : CompletableFuture.completedFuture(Optional.<Checkpoint>empty()))
            .thenApply(forked -> Resumption.of(execution, own, forked)));
  }
}
