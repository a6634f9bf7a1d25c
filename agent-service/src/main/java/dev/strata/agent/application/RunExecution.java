package dev.strata.agent.application;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionStatus;
import dev.strata.agent.domain.execution.ExecutionLeases;
import dev.strata.agent.domain.execution.ExecutionPath;
import dev.strata.agent.domain.execution.ExecutionPath.Outgoing;
import dev.strata.agent.domain.execution.ExecutionRecords;
import dev.strata.agent.domain.execution.Outbox;
import dev.strata.agent.domain.execution.Resumption;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.ExecutionState;
import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.WorkflowLookup;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs a {@code workflow.execute} command: takes the execution's lease, resumes after its last
 * checkpoint, runs each remaining step and commits its checkpoint, its outbox messages and the
 * execution's progress in one atomic write (the last step's together with the final state). A
 * terminal execution is left alone, so duplicates run nothing; a redelivery after a crash repeats
 * no committed step; a delivery that finds the lease held waits until it is free or expired, so
 * two deliveries of one execution never run a step at the same time.
 */
public final class RunExecution {

  private static final String SERVICE = "agent-service";
  private static final String RUNNER = "workflow-runner";
  private static final Duration BUSY_FIRST_WAIT = Duration.ofMillis(100);
  private static final Duration BUSY_LONGEST_WAIT = Duration.ofSeconds(2);

  private final ExecutionPath path;
  private final ExecutionRecords executions;
  private final Outbox outbox;
  private final ExecutionLeases leases;
  private final ClaimExecution claim;
  private final UnitOfWork unitOfWork;
  private final PerformStep performStep;
  private final Duration lease;
  private final Clock clock;
  private final StepCommitted afterCommit;

  /** Told after each step's checkpoint committed (metrics, tests that simulate a crash). */
  @FunctionalInterface
  public interface StepCommitted {
    void committed(Checkpoint checkpoint);
  }

  /** One delivery's run: the execution, the lease holder it acts as, the workflow's steps. */
  private record Run(UUID executionId, UUID holder, List<Step> steps) {}

  /** Where a run stands after a step committed: the execution as stored, and where the next step picks up. */
  private record Progress(Execution execution, Resumption from) {}

  /**
   * @param lease how long a delivery holds an execution without committing a step; must exceed
   *     the longest a step can take with all its attempts, or a slow step loses it to a redelivery
   */
  public RunExecution(ExecutionPath path, ExecutionRecords executions, Checkpoints checkpoints, WorkflowLookup workflows, Outbox outbox,
      ExecutionLeases leases, UnitOfWork unitOfWork, PerformStep performStep, Duration lease, Clock clock, StepCommitted afterCommit) {
    this.path = path;
    this.executions = executions;
    this.outbox = outbox;
    this.leases = leases;
    this.claim = new ClaimExecution(path, executions, checkpoints, workflows, leases, unitOfWork, clock);
    this.unitOfWork = unitOfWork;
    this.performStep = performStep;
    this.lease = lease;
    this.clock = clock;
    this.afterCommit = afterCommit;
  }

  public Uni<Void> run(Envelope<WorkflowExecute> envelope) {
    UUID id = executionId(envelope);
    UUID holder = UUID.randomUUID();
    return claim.run(envelope.payload(), id, holder, lease)
        // the holder finishes it, or dies and its lease expires: wait that long at most, then requeue
        .onFailure(ExecutionBusy::in).retry().withBackOff(BUSY_FIRST_WAIT, BUSY_LONGEST_WAIT).expireIn(lease.plusSeconds(5).toMillis())
        .chain(claimed -> claimed == null ? Uni.createFrom().voidItem()
            : runFrom(new Run(id, holder, claimed.steps()), new Progress(claimed.execution(), claimed.from()), true)
                .onFailure().call(() -> release(id, holder)));
  }

  private static UUID executionId(Envelope<WorkflowExecute> envelope) {
    // a producer that leaves the id to us gets one derived from its message id: redelivery finds it again
    return envelope.payload().executionId() != null ? envelope.payload().executionId()
        : UUID.nameUUIDFromBytes(("execution/" + envelope.messageId()).getBytes(StandardCharsets.UTF_8));
  }

  private Uni<Void> runFrom(Run run, Progress progress, boolean justClaimed) {
    List<Step> steps = run.steps();
    Resumption from = progress.from();
    if (from.nextStep() >= steps.size()) {
      // a runner died between the last checkpoint and the final state (written together since issue 4)
      return finish(run.executionId(), execution -> execution.succeed(from.state().outputs().get(steps.getLast().id()), clock.instant()));
    }
    Step step = steps.get(from.nextStep());
    // the claim just read the execution live; later steps look again, so a cancel stops the next one
    Uni<Boolean> live = justClaimed ? Uni.createFrom().item(true) : live(run.executionId());
    return live.chain(isLive -> isLive ? perform(run, step, progress) : Uni.createFrom().voidItem());
  }

  /** False once the execution ended meanwhile (a cancel): its next step must not start. */
  private Uni<Boolean> live(UUID executionId) {
    return Async.<Boolean>uni(() -> unitOfWork.read(() -> executions.get(executionId)
        .thenApply(found -> found.map(execution -> !execution.status().terminal()).orElse(false))));
  }

  private Uni<Void> perform(Run run, Step step, Progress progress) {
    UUID executionId = run.executionId();
    return performStep.run(executionId, step, progress.from().state())
        .onFailure().recoverWithUni(failure -> finish(executionId,
            execution -> execution.fail("step '" + step.id() + "' failed: " + message(failure), clock.instant())).replaceWith((PerformStep.Outcome) null))
        .chain(outcome -> outcome == null ? Uni.createFrom().voidItem() : commit(run, step, progress, outcome)
            .chain(next -> next.filter(done -> done.from().nextStep() < run.steps().size())
                .map(done -> runFrom(run, done, false)).orElse(Uni.createFrom().voidItem())));
  }

  /**
   * Checkpoint + outbox + progress in one atomic write — for the last step with the final state and
   * its audit record; empty when the execution stopped or another holder took it meanwhile.
   */
  private Uni<Optional<Progress>> commit(Run run, Step step, Progress progress, PerformStep.Outcome outcome) {
    Resumption from = progress.from();
    boolean last = from.nextStep() == run.steps().size() - 1;
    ExecutionState state = from.state().with(step.id(), outcome.output());
    Checkpoint checkpoint = new Checkpoint(UUID.randomUUID(), run.executionId(), from.nextStep(), step.id(), state, from.parentCheckpointId(),
        clock.instant());
    List<Outgoing<?>> messages = new ArrayList<>();
    outcome.notifications().forEach(notification -> messages.add(new Outgoing<>(MessageType.NOTIFICATION_SEND, notification)));
    Execution progressed = progress.execution().stepDone(from.nextStep(), clock.instant());
    if (last) {
      progressed = progressed.succeed(outcome.output(), clock.instant());
      messages.add(audit(progressed));
    }
    Execution written = progressed;
    return Async.<Optional<Execution>>uni(() -> path.commitStep(written, run.holder(), lease, checkpoint, messages))
        .map(stored -> stored.map(execution -> new Progress(execution, new Resumption(from.nextStep() + 1, state, checkpoint.id()))))
        .invoke(next -> next.ifPresent(x -> afterCommit.committed(checkpoint)))
        // another runner committed this step: it owns the execution now
        .onFailure(DomainException.Conflict.class).recoverWithItem(Optional.empty());
  }

  private Uni<Void> finish(UUID executionId, java.util.function.UnaryOperator<Execution> change) {
    return Async.<Execution>uni(() -> unitOfWork.write(() -> executions.get(executionId).thenCompose(found -> {
      Execution execution = found.orElseThrow();
      return execution.status().terminal() ? CompletableFuture.completedFuture(execution) : end(change.apply(execution));
    }))).onFailure(DomainException.Conflict.class).recoverWithNull().replaceWithVoid();
  }

  /** Writes the final state; the audit record leaves with it, through the outbox, or not at all. */
  private CompletionStage<Execution> end(Execution ended) {
    Outgoing<AuditEvent> audit = audit(ended);
    return outbox.enqueue(audit.type(), audit.envelope()).thenCompose(x -> executions.update(ended));
  }

  private Outgoing<AuditEvent> audit(Execution ended) {
    return new Outgoing<>(MessageType.AUDIT_EVENT, Envelope.of(MessageType.AUDIT_EVENT, audited(ended), ended.id().toString()));
  }

  /** Best effort: a release that fails leaves the lease to expire. */
  private Uni<Void> release(UUID executionId, UUID holder) {
    return Async.<Void>uni(() -> unitOfWork.write(() -> leases.release(executionId, holder)))
        .onFailure().recoverWithNull();
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
