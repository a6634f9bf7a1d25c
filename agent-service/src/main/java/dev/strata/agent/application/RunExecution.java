package dev.strata.agent.application;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionStatus;
import dev.strata.agent.domain.execution.ExecutionLeases;
import dev.strata.agent.domain.execution.ExecutionPath;
import dev.strata.agent.domain.execution.ExecutionPath.Outgoing;
import dev.strata.agent.domain.execution.Executions;
import dev.strata.agent.domain.execution.Outbox;
import dev.strata.agent.domain.execution.Resumption;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.ExecutionState;
import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
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
 * two deliveries of one execution never run a step at the same time. The lease is short and renewed
 * while a step runs (every third of it), so a long step keeps it and a dead runner's lapses within
 * one lease; a run that fails, its claim included, gives it up before its message is requeued.
 */
public final class RunExecution {

  private static final String SERVICE = "agent-service";
  private static final String RUNNER = "workflow-runner";
  private static final Duration BUSY_FIRST_WAIT = Duration.ofMillis(100);
  private static final Duration BUSY_LONGEST_WAIT = Duration.ofSeconds(2);
  private static final Duration RELEASE_FIRST_WAIT = Duration.ofMillis(50);
  private static final Duration RELEASE_LONGEST_WAIT = Duration.ofMillis(500);
  private static final int RELEASE_RETRIES = 4;

  private final ExecutionPath path;
  private final Executions executions;
  private final Outbox outbox;
  private final ExecutionLeases leases;
  private final ClaimExecution claim;
  private final UnitOfWork unitOfWork;
  private final PerformStep performStep;
  private final Duration lease;
  private final Duration heartbeat;
  private final Duration busyWait;
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
   * @param lease how long a delivery holds an execution without renewing it: a running step renews
   *     it every third of that, so it bounds how long a dead runner's execution waits for a redelivery
   * @param busyWait how long a delivery that finds the execution leased elsewhere waits for it to end
   *     or lapse before its message is requeued
   */
  public RunExecution(ExecutionPath path, Executions executions, Checkpoints checkpoints, Workflows workflows, Outbox outbox,
      ExecutionLeases leases, UnitOfWork unitOfWork, PerformStep performStep, Duration lease, Duration busyWait, Clock clock,
      StepCommitted afterCommit) {
    this.path = path;
    this.executions = executions;
    this.outbox = outbox;
    this.leases = leases;
    this.claim = new ClaimExecution(path, executions, checkpoints, workflows, leases, unitOfWork, clock);
    this.unitOfWork = unitOfWork;
    this.performStep = performStep;
    this.lease = lease;
    this.heartbeat = lease.dividedBy(3);
    this.busyWait = busyWait;
    this.clock = clock;
    this.afterCommit = afterCommit;
  }

  public Uni<Void> run(Envelope<WorkflowExecute> envelope) {
    UUID id = executionId(envelope);
    UUID holder = UUID.randomUUID();
    return claim.run(envelope.payload(), id, holder, lease)
        // the holder finishes it, or dies and its lease lapses: wait that long at most, then requeue
        .onFailure(ExecutionBusy::in).retry().withBackOff(BUSY_FIRST_WAIT, BUSY_LONGEST_WAIT).expireIn(busyWait.toMillis())
        .chain(claimed -> claimed == null ? Uni.createFrom().voidItem()
            : runFrom(new Run(id, holder, claimed.steps()), new Progress(claimed.execution(), claimed.from()), true))
        // a claim can commit and lose its answer with the connection: whatever failed, this holder lets go
        .onFailure(failure -> !ExecutionBusy.in(failure)).call(() -> release(id, holder));
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
      // a runner died between the last checkpoint and the final state: the last step commits both at once,
      // but an execution left by an older runner may have only the checkpoint
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
    return heldWhile(run, step, performStep.run(executionId, step, progress.from().state()))
        .onFailure().recoverWithUni(failure -> finish(executionId,
            execution -> execution.fail("step '" + step.id() + "' failed: " + message(failure), clock.instant())).replaceWith((PerformStep.Outcome) null))
        .chain(outcome -> outcome == null ? Uni.createFrom().voidItem() : commit(run, step, progress, outcome)
            .chain(next -> next.filter(done -> done.from().nextStep() < run.steps().size())
                .map(done -> runFrom(run, done, false)).orElse(Uni.createFrom().voidItem())));
  }

  /**
   * Renews the lease every third of it while a step that calls out runs, so a step longer than the
   * lease keeps it; a missed renewal is tried again at the next beat.
   */
  private <T> Uni<T> heldWhile(Run run, Step step, Uni<T> work) {
    if (step.kind().inProcess()) {
      return work;
    }
    return Uni.createFrom().deferred(() -> {
      Cancellable beats = Multi.createFrom().ticks().startingAfter(heartbeat).every(heartbeat)
          .onOverflow().drop()
          .onItem().transformToUniAndConcatenate(tick -> renew(run))
          .subscribe().with(renewed -> { }, failure -> { });
      return work.onTermination().invoke(beats::cancel);
    });
  }

  private Uni<Boolean> renew(Run run) {
    return Async.<Boolean>uni(() -> unitOfWork.write(() -> leases.renew(run.executionId(), run.holder(), lease)))
        .onFailure().recoverWithItem(false);
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

  /**
   * Gives the lease up, retried a few times: after the database cut its connections the first
   * attempt may meet a dead one. When the database stays out of reach the lease lapses on its own.
   */
  private Uni<Void> release(UUID executionId, UUID holder) {
    return Async.<Void>uni(() -> unitOfWork.write(() -> leases.release(executionId, holder)))
        .onFailure().retry().withBackOff(RELEASE_FIRST_WAIT, RELEASE_LONGEST_WAIT).atMost(RELEASE_RETRIES)
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
