package dev.strata.agent.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionPath.Outgoing;
import dev.strata.agent.domain.execution.ExecutionStatus;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.execution.ExecutionPath;
import dev.strata.agent.domain.execution.Executions;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.ExecutionState;
import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.agent.domain.workflow.WorkflowDefinition;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Executions, their checkpoints and the runner's one-statement writes ({@link PostgresExecutionPath})
 * against Postgres: rows round-trip, constraints answer as conflicts, and each write commits or rolls
 * back as a whole.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class ExecutionPersistenceIT {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Inject UnitOfWork unitOfWork;
  @Inject Executions executions;
  @Inject Checkpoints checkpoints;
  @Inject Workflows workflows;
  @Inject ExecutionPath path;
  @Inject Pool pool;

  private Workflow workflow;

  private <T> T write(Supplier<CompletionStage<T>> work) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().completionStage(() -> unitOfWork.write(work)));
  }

  @BeforeEach
  void aWorkflow() throws Throwable {
    Workflow fresh = Workflow.create("sql " + UUID.randomUUID(), "two steps", null, new WorkflowDefinition(List.of(
        new Step("t", StepKind.TEMPLATE, Map.of("text", "hi {{input.n}}")),
        new Step("u", StepKind.TEMPLATE, Map.of("text", "{{steps.t}}!")))), Instant.now());
    workflow = write(() -> workflows.create(fresh));
  }

  private Execution pending(String key) {
    return Execution.pending(UUID.randomUUID(), workflow.id(), Map.of("n", 1, "nested", Map.of("list", List.of("a", 2))), key, null,
        Instant.now().truncatedTo(ChronoUnit.MICROS)).onWorkflowVersion(workflow.version());
  }

  @Test
  void aWorkflowRoundTrips() throws Throwable {
    Workflow read = write(() -> workflows.get(workflow.id())).orElseThrow();
    assertThat(read.definition()).isEqualTo(workflow.definition());
    assertThat(read.name()).isEqualTo(workflow.name());
    assertThat(write(() -> workflows.get(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void anExecutionRoundTripsByIdAndByIdempotencyKey() throws Throwable {
    Execution created = pending("key-" + UUID.randomUUID());
    write(() -> executions.create(created));
    Execution succeeded = write(() -> executions.get(created.id()))
        .map(e -> e.stepDone(0, created.createdAt()).succeed(Map.of("text", "hi 1"), created.createdAt().plusSeconds(1))).orElseThrow();
    Execution updated = write(() -> executions.update(succeeded));

    assertThat(updated.version()).isEqualTo(1);
    Execution byKey = write(() -> executions.byIdempotencyKey(workflow.id(), created.idempotencyKey())).orElseThrow();
    Execution byId = write(() -> executions.get(created.id())).orElseThrow();
    assertThat(byKey).isEqualTo(updated);
    assertThat(byId).isEqualTo(updated);
    assertThat(byKey.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(byKey.input()).isEqualTo(created.input());
  }

  @Test
  void anExecutionRunsTheVersionItStartedOnWhileItsWorkflowIsEdited() throws Throwable {
    // stored without a workflow.execute message: the service's own runner must not take this execution
    Execution onFirstVersion = pending(null);
    write(() -> executions.create(onFirstVersion));
    Workflow edited = write(() -> workflows.update(workflow.revise(workflow.name(), "edited", null, new WorkflowDefinition(List.of(
        new Step("other", StepKind.TEMPLATE, Map.of("text", "bye")))), workflow.version(), Instant.now())));
    assertThat(edited.version()).isEqualTo(1);

    var claim = direct(() -> path.claim(onFirstVersion.id(), UUID.randomUUID(), MINUTE)).orElseThrow();
    assertThat(claim.steps()).isEqualTo(workflow.definition().steps());
    assertThat(write(() -> workflows.version(workflow.id(), 0)).orElseThrow().definition()).isEqualTo(workflow.definition());
    assertThat(write(() -> workflows.version(workflow.id(), 1)).orElseThrow().definition()).isEqualTo(edited.definition());

    Execution fresh = Execution.pending(UUID.randomUUID(), workflow.id(), Map.of(), "edited-" + UUID.randomUUID(), null, Instant.now());
    assertThat(direct(() -> path.start(fresh, executeMessage(fresh))).orElseThrow().workflowVersion())
        .as("a start takes the workflow's version of that moment").isEqualTo(1);
  }

  @Test
  void retentionKeepsWhatALiveExecutionMayResumeFrom() throws Throwable {
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Execution ended = pending(null);
    List<Checkpoint> endedSteps = stepsOf(ended, 3, at);
    Execution succeeded = write(() -> executions.get(ended.id())).orElseThrow().stepDone(2, at).succeed("done", at);
    write(() -> executions.update(succeeded));
    Execution running = pending(null);
    List<Checkpoint> runningSteps = stepsOf(running, 2, at);
    Execution midway = write(() -> executions.get(running.id())).orElseThrow().stepDone(1, at);
    write(() -> executions.update(midway));
    // a live fork of the ended execution's first step resumes from that checkpoint
    Execution fork = Execution.pending(UUID.randomUUID(), workflow.id(), Map.of(), null, endedSteps.get(0).id(), at)
        .onWorkflowVersion(workflow.version());
    write(() -> executions.create(fork));

    // a kept checkpoint whose parent went keeps its state (each holds all outputs so far); its parent link is cleared
    write(() -> checkpoints.prune(OptionalInt.of(1), Optional.empty()));
    assertThat(write(() -> checkpoints.of(ended.id()))).extracting(Checkpoint::id)
        .containsExactly(endedSteps.get(0).id(), endedSteps.get(2).id());
    assertThat(write(() -> checkpoints.of(running.id()))).extracting(Checkpoint::state).containsExactly(runningSteps.get(1).state());

    write(() -> checkpoints.prune(OptionalInt.empty(), Optional.of(at.plusSeconds(3600))));
    assertThat(write(() -> checkpoints.of(ended.id()))).as("the fork's").containsExactly(endedSteps.get(0));
    assertThat(write(() -> checkpoints.of(running.id()))).as("the newest of a live execution").extracting(Checkpoint::id)
        .containsExactly(runningSteps.get(1).id());
  }

  /** Stores the execution (without a workflow.execute message) and {@code count} checkpoints of it. */
  private List<Checkpoint> stepsOf(Execution execution, int count, Instant at) throws Throwable {
    write(() -> executions.create(execution));
    List<Checkpoint> steps = new java.util.ArrayList<>();
    Checkpoint parent = null;
    for (int i = 0; i < count; i++) {
      var state = parent == null ? ExecutionState.start(execution.input()).with("s" + i, i) : parent.state().with("s" + i, i);
      Checkpoint step = new Checkpoint(UUID.randomUUID(), execution.id(), i, "s" + i, state, parent == null ? null : parent.id(), at);
      write(() -> checkpoints.append(step));
      steps.add(step);
      parent = step;
    }
    return steps;
  }

  @Test
  void aStaleUpdateAndASecondExecutionWithTheSameKeyAreConflicts() throws Throwable {
    Execution created = pending("same-" + UUID.randomUUID());
    write(() -> executions.create(created));
    write(() -> executions.update(created.stepDone(0, Instant.now())));

    assertThatThrownBy(() -> write(() -> executions.update(created.fail("late", Instant.now())))).isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(() -> write(() -> executions.create(pending(created.idempotencyKey())))).isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(() -> write(() -> executions.update(pending("gone")))).isInstanceOf(DomainException.NotFound.class);
  }

  @Test
  void aStepCheckpointsOnceAndTheLatestIsTheLastStep() throws Throwable {
    Execution created = pending(null);
    write(() -> executions.create(created));
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    var first = new Checkpoint(UUID.randomUUID(), created.id(), 0, "t", ExecutionState.start(created.input()).with("t", "hi 1"), null, at);
    var second = new Checkpoint(UUID.randomUUID(), created.id(), 1, "u", first.state().with("u", Map.of("nested", List.of(1, "two"))), first.id(), at);
    write(() -> checkpoints.append(first).thenCompose(x -> checkpoints.append(second)));

    assertThatThrownBy(() -> write(() -> checkpoints.append(new Checkpoint(UUID.randomUUID(), created.id(), 1, "u", second.state(), first.id(), at))))
        .isInstanceOf(DomainException.Conflict.class);
    assertThat(write(() -> checkpoints.latest(created.id()))).contains(second);
    assertThat(write(() -> checkpoints.get(first.id()))).contains(first);
    assertThat(write(() -> checkpoints.of(created.id()))).containsExactly(first, second);
  }

  @Test
  void aStartStoresTheExecutionAndItsMessageTogetherOrNeither() throws Throwable {
    Execution first = pending("start-" + UUID.randomUUID());
    Outgoing<?> message = executeMessage(first);
    assertThat(direct(() -> path.start(first, message))).contains(first);
    // the service's own relay publishes the stored message (and deletes its row) and its runner runs the execution
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(write(() -> executions.get(first.id())).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED));
    Execution stored = write(() -> executions.get(first.id())).orElseThrow();
    assertThat(stored.input()).isEqualTo(first.input());
    assertThat(stored.idempotencyKey()).isEqualTo(first.idempotencyKey());
    assertThat(stored.createdAt()).isEqualTo(first.createdAt());

    Execution again = pending(first.idempotencyKey());
    assertThat(direct(() -> path.start(again, executeMessage(again)))).as("the key was used").isEmpty();
    Execution elsewhere = Execution.pending(UUID.randomUUID(), UUID.randomUUID(), Map.of(), "any", null, Instant.now());
    assertThat(direct(() -> path.start(elsewhere, executeMessage(elsewhere)))).as("no such workflow").isEmpty();
    assertThat(count("SELECT count(*) FROM agent.executions WHERE id = $1", again.id())).isZero();

    // a message that cannot be stored (a correlation id over the column's 200 characters) takes its execution with it
    Execution lost = pending("lost-" + UUID.randomUUID());
    Outgoing<?> unstorable = new Outgoing<>(MessageType.WORKFLOW_EXECUTE, Envelope.of(MessageType.WORKFLOW_EXECUTE,
        new WorkflowExecute(lost.id(), lost.workflowId(), lost.input(), null), "c".repeat(201)));
    assertThatThrownBy(() -> direct(() -> path.start(lost, unstorable))).hasMessageContaining("too long");
    assertThat(count("SELECT count(*) FROM agent.executions WHERE idempotency_key = $1", lost.idempotencyKey())).isZero();
  }

  @Test
  void aClaimAnswersWhereToResumeAndAStepCommitsOnlyAtItsVersionUnderItsLeaseWhileLive() throws Throwable {
    Execution started = pending("claim-" + UUID.randomUUID());
    // stored without a workflow.execute message: the service's own runner must not take this execution
    write(() -> executions.create(started));
    UUID holder = UUID.randomUUID();
    UUID other = UUID.randomUUID();

    var claim = direct(() -> path.claim(started.id(), holder, MINUTE)).orElseThrow();
    assertThat(claim.execution()).isEqualTo(started);
    assertThat(claim.steps()).isEqualTo(workflow.definition().steps());
    assertThat(claim.from().nextStep()).isZero();
    assertThat(direct(() -> path.claim(started.id(), other, MINUTE))).as("leased to another holder").isEmpty();

    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    var first = new Checkpoint(UUID.randomUUID(), started.id(), 0, "t", claim.from().state().with("t", "hi 1"), null, at);
    // a moment after its checkpoint: each row keeps its own time
    Execution stepDone = started.stepDone(0, at.plusMillis(1));
    assertThat(direct(() -> path.commitStep(stepDone, other, MINUTE, first, List.of()))).as("not the lease holder").isEmpty();
    Execution afterFirst = direct(() -> path.commitStep(stepDone, holder, MINUTE, first, List.of())).orElseThrow();
    assertThat(afterFirst.version()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM agent.executions WHERE id = $1 AND lease_until > now() + interval '50 seconds'", started.id()))
        .as("the commit renewed the holder's lease").isEqualTo(1);
    assertThat(direct(() -> path.commitStep(stepDone, holder, MINUTE, first, List.of()))).as("a stale version").isEmpty();
    assertThatThrownBy(() -> direct(() -> path.commitStep(afterFirst, holder, MINUTE, first, List.of())))
        .as("the step has its checkpoint").isInstanceOf(DomainException.Conflict.class);
    assertThat(write(() -> executions.get(started.id())).orElseThrow().version()).as("nothing of the refused commit stayed").isEqualTo(1);

    var resumed = direct(() -> path.claim(started.id(), holder, MINUTE)).orElseThrow();
    assertThat(resumed.from().nextStep()).isEqualTo(1);
    assertThat(resumed.from().parentCheckpointId()).isEqualTo(first.id());
    assertThat(resumed.from().state()).isEqualTo(first.state());
    var second = new Checkpoint(UUID.randomUUID(), started.id(), 1, "u", first.state().with("u", "hi 1!"), first.id(), at);
    Execution succeeded = resumed.execution().stepDone(1, at).succeed("hi 1!", at.plusMillis(2));
    var audit = new Outgoing<>(MessageType.AUDIT_EVENT, Envelope.of(MessageType.AUDIT_EVENT, new AuditEvent("agent-service",
        "execution-persistence-test", "run-workflow", "execution " + started.id(), AuditEvent.Outcome.SUCCESS, at, Map.of()), started.id().toString()));
    assertThat(direct(() -> path.commitStep(succeeded, holder, MINUTE, second, List.of(audit)))).isPresent();

    assertThat(write(() -> executions.get(started.id())).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(write(() -> checkpoints.of(started.id()))).containsExactly(first, second);
    // the commit stored its message: the relay publishes it and the audit writer appends it
    await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM agent.audit_log WHERE message_id = $1", audit.envelope().messageId()) == 1);
    assertThat(direct(() -> path.claim(started.id(), holder, MINUTE))).as("an ended execution").isEmpty();
  }

  private Outgoing<?> executeMessage(Execution execution) {
    return new Outgoing<>(MessageType.WORKFLOW_EXECUTE, Envelope.of(MessageType.WORKFLOW_EXECUTE,
        new WorkflowExecute(execution.id(), execution.workflowId(), execution.input(), null), execution.id().toString()));
  }

  private <T> T direct(Supplier<CompletionStage<T>> work) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().completionStage(work));
  }

  private long count(String sql, Object value) {
    return pool.preparedQuery(sql).execute(Tuple.of(value)).await().indefinitely().iterator().next().getLong(0);
  }
}
