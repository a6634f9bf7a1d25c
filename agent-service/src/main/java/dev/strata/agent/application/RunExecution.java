package dev.strata.agent.application;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionStatus;
import dev.strata.agent.domain.execution.Executions;
import dev.strata.agent.domain.execution.Outbox;
import dev.strata.agent.domain.execution.Resumption;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.ExecutionState;
import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs a {@code workflow.execute} command: resumes after the execution's last checkpoint, runs
 * each remaining step and commits its checkpoint, its outbox messages and the execution's
 * progress in one transaction. A terminal execution is left alone, so duplicates run nothing; a
 * redelivery after a crash repeats no committed step.
 */
public final class RunExecution {

  private static final String SERVICE = "agent-service";
  private static final String RUNNER = "workflow-runner";

  private final Executions executions;
  private final Checkpoints checkpoints;
  private final Workflows workflows;
  private final Outbox outbox;
  private final UnitOfWork unitOfWork;
  private final PerformStep performStep;
  private final Clock clock;
  private final StepCommitted afterCommit;

  /** Told after each step's checkpoint committed (metrics, tests that simulate a crash). */
  @FunctionalInterface
  public interface StepCommitted {
    void committed(Checkpoint checkpoint);
  }

  public RunExecution(Executions executions, Checkpoints checkpoints, Workflows workflows, Outbox outbox,
      UnitOfWork unitOfWork, PerformStep performStep, Clock clock, StepCommitted afterCommit) {
    this.executions = executions;
    this.checkpoints = checkpoints;
    this.workflows = workflows;
    this.outbox = outbox;
    this.unitOfWork = unitOfWork;
    this.performStep = performStep;
    this.clock = clock;
    this.afterCommit = afterCommit;
  }

  public Uni<Void> run(Envelope<WorkflowExecute> envelope) {
    return resolve(envelope).chain(execution -> execution.status().terminal()
        ? Uni.createFrom().voidItem()
        : Async.<Workflow>uni(() -> unitOfWork.read(() -> workflows.get(execution.workflowId())
                .thenApply(found -> found.orElseThrow(() -> new DomainException.NotFound("workflow " + execution.workflowId() + " not found")))))
            .chain(workflow -> resumption(execution).chain(from -> runFrom(execution.id(), workflow.definition().steps(), from))));
  }

  private Uni<Execution> resolve(Envelope<WorkflowExecute> envelope) {
    WorkflowExecute command = envelope.payload();
    // a producer that leaves the id to us gets one derived from its message id: redelivery finds it again
    UUID id = command.executionId() != null ? command.executionId()
        : UUID.nameUUIDFromBytes(("execution/" + envelope.messageId()).getBytes(StandardCharsets.UTF_8));
    return Async.uni(() -> unitOfWork.write(() -> executions.get(id).thenCompose(found -> found
        .<CompletionStage<Execution>>map(CompletableFuture::completedFuture)
        .orElseGet(() -> {
          if (command.workflowId() == null) {
            throw new DomainException.Invalid("workflow.execute needs a workflowId for a new execution");
          }
          return executions.create(Execution.pending(id, command.workflowId(), command.input(), null, command.resumeFromCheckpointId(), clock.instant()));
        }))));
  }

  private Uni<Resumption> resumption(Execution execution) {
    return Async.uni(() -> unitOfWork.read(() -> checkpoints.latest(execution.id()).thenCompose(own ->
        (own.isEmpty() && execution.forkedFrom() != null ? checkpoints.get(execution.forkedFrom())
            : CompletableFuture.completedFuture(Optional.<Checkpoint>empty()))
            .thenApply(forked -> Resumption.of(execution, own, forked)))));
  }

  private Uni<Void> runFrom(UUID executionId, List<Step> steps, Resumption from) {
    if (from.nextStep() >= steps.size()) {
      return finish(executionId, execution -> execution.succeed(from.state().outputs().get(steps.getLast().id()), clock.instant()));
    }
    Step step = steps.get(from.nextStep());
    return live(executionId).chain(live -> live ? perform(executionId, steps, step, from) : Uni.createFrom().voidItem());
  }

  /** False once the execution ended meanwhile (a cancel): its next step must not start. */
  private Uni<Boolean> live(UUID executionId) {
    return Async.<Boolean>uni(() -> unitOfWork.read(() -> executions.get(executionId)
        .thenApply(found -> found.map(execution -> !execution.status().terminal()).orElse(false))));
  }

  private Uni<Void> perform(UUID executionId, List<Step> steps, Step step, Resumption from) {
    return performStep.run(executionId, step, from.state())
        .onFailure().recoverWithUni(failure -> finish(executionId,
            execution -> execution.fail("step '" + step.id() + "' failed: " + message(failure), clock.instant())).replaceWith((PerformStep.Outcome) null))
        .chain(outcome -> outcome == null ? Uni.createFrom().voidItem() : commit(executionId, step, from, outcome)
            .chain(next -> next.map(resumption -> runFrom(executionId, steps, resumption)).orElse(Uni.createFrom().voidItem())));
  }

  /** Checkpoint + outbox + progress in one transaction; empty when the execution stopped meanwhile. */
  private Uni<Optional<Resumption>> commit(UUID executionId, Step step, Resumption from, PerformStep.Outcome outcome) {
    ExecutionState state = from.state().with(step.id(), outcome.output());
    Checkpoint checkpoint = new Checkpoint(UUID.randomUUID(), executionId, from.nextStep(), step.id(), state, from.parentCheckpointId(), clock.instant());
    return Async.<Optional<Resumption>>uni(() -> unitOfWork.write(() -> executions.get(executionId).thenCompose(found -> {
      Execution execution = found.orElseThrow();
      if (execution.status().terminal()) {
        return CompletableFuture.completedFuture(Optional.empty());
      }
      CompletionStage<?> chain = checkpoints.append(checkpoint);
      for (var notification : outcome.notifications()) {
        chain = chain.thenCompose(x -> outbox.enqueue(MessageType.NOTIFICATION_SEND, notification));
      }
      return chain.thenCompose(x -> executions.update(execution.stepDone(from.nextStep(), clock.instant())))
          .thenApply(x -> Optional.of(new Resumption(from.nextStep() + 1, state, checkpoint.id())));
    })))
        .invoke(next -> next.ifPresent(x -> afterCommit.committed(checkpoint)))
        // another runner committed this step (or a cancel won the race): it owns the execution now
        .onFailure(DomainException.Conflict.class).recoverWithItem(Optional.empty());
  }

  private Uni<Void> finish(UUID executionId, java.util.function.UnaryOperator<Execution> change) {
    return Async.<Execution>uni(() -> unitOfWork.write(() -> executions.get(executionId).thenCompose(found -> {
      Execution execution = found.orElseThrow();
      if (execution.status().terminal()) {
        return CompletableFuture.completedFuture(execution);
      }
      Execution ended = change.apply(execution);
      // the audit record leaves with the final state, through the outbox, or not at all
      return outbox.enqueue(MessageType.AUDIT_EVENT, Envelope.of(MessageType.AUDIT_EVENT, audited(ended), executionId.toString()))
          .thenCompose(x -> executions.update(ended));
    }))).onFailure(DomainException.Conflict.class).recoverWithNull().replaceWithVoid();
  }

  private AuditEvent audited(Execution ended) {
    Map<String, String> details = new java.util.LinkedHashMap<>();
    details.put("workflowId", ended.workflowId().toString());
    details.put("status", ended.status().name());
    if (ended.error() != null) {
      details.put("error", ended.error());
    }
    return new AuditEvent(SERVICE, RUNNER, "run-workflow", "execution " + ended.id(),
        ended.status() == ExecutionStatus.SUCCEEDED ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
        clock.instant(), details);
  }

  private static String message(Throwable failure) {
    String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
