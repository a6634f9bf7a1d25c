package dev.strata.agent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionPath;
import dev.strata.agent.domain.execution.ExecutionStatus;
import dev.strata.agent.domain.execution.RetryPolicy;
import dev.strata.agent.domain.execution.StepEffects;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.Query;
import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.agent.domain.workflow.WorkflowDefinition;
import dev.strata.agent.domain.workflow.WorkflowVersion;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RunExecutionTest {

  private final InMemoryRunnerPorts ports = new InMemoryRunnerPorts();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final Workflow workflow = Workflow.create("three", "", null, new WorkflowDefinition(List.of(
      new Step("a", StepKind.HTTP, Map.of("url", "http://a")),
      new Step("b", StepKind.HTTP, Map.of("url", "http://b")),
      new Step("c", StepKind.HTTP, Map.of("url", "http://c", "body", "{{steps.a}}+{{steps.b}}")))), Instant.now());
  private final Workflows workflows = new Workflows() {
    public CompletionStage<Optional<Workflow>> get(UUID id) { return CompletableFuture.completedFuture(Optional.of(workflow)); }
    public CompletionStage<Page<Workflow>> list(Query q) { throw new UnsupportedOperationException(); }
    public CompletionStage<Long> count(Query q) { throw new UnsupportedOperationException(); }
    public CompletionStage<Workflow> create(Workflow w) { throw new UnsupportedOperationException(); }
    public CompletionStage<List<Workflow>> createMany(List<Workflow> w) { throw new UnsupportedOperationException(); }
    public CompletionStage<Workflow> update(Workflow w) { throw new UnsupportedOperationException(); }
    public CompletionStage<Void> delete(UUID id) { throw new UnsupportedOperationException(); }
    public CompletionStage<Optional<WorkflowVersion>> version(UUID id, long version) {
      return CompletableFuture.completedFuture(Optional.of(new WorkflowVersion(workflow.id(), workflow.version(), workflow.definition(),
          workflow.createdAt())));
    }
    public CompletionStage<Page<WorkflowVersion>> versions(UUID id, int offset, int limit) { throw new UnsupportedOperationException(); }
  };
  private final StepEffects http = (step, input) -> {
    calls.add(step.param("url", "") + " " + step.param("body", ""));
    return CompletableFuture.completedFuture(step.id().toUpperCase());
  };

  private RunExecution runner(StepEffects effect, RunExecution.StepCommitted hook) {
    return runner(ports.path(workflows), effect, hook, Duration.ofMinutes(1));
  }

  private RunExecution runner(ExecutionPath path, StepEffects effect, RunExecution.StepCommitted hook, Duration lease) {
    var perform = new PerformStep(Map.of(StepKind.HTTP, effect), new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(5)));
    return new RunExecution(path, ports.executionsPort, ports.checkpointsPort, workflows, ports.outboxPort, ports.leasesPort, ports.unitOfWork,
        perform, lease, Duration.ofMinutes(1), Clock.systemUTC(), hook);
  }

  private Envelope<WorkflowExecute> message(UUID executionId) {
    return Envelope.of(MessageType.WORKFLOW_EXECUTE, new WorkflowExecute(executionId, workflow.id(), Map.of(), null), "t");
  }

  @Test
  void aRunnerThatDiesAfterStepTwoCommitsIsResumedAtStepThreeAndRepeatsNoSideEffect() {
    UUID id = UUID.randomUUID();
    AtomicBoolean crashed = new AtomicBoolean();
    RunExecution dying = runner(http, checkpoint -> {
      if (checkpoint.stepIndex() == 1 && crashed.compareAndSet(false, true)) {
        throw new IllegalStateException("process killed");
      }
    });
    assertThatThrownBy(() -> dying.run(message(id)).await().indefinitely()).hasMessageContaining("killed");
    assertThat(ports.executions.get(id).status()).isEqualTo(ExecutionStatus.RUNNING);

    runner(http, checkpoint -> { }).run(message(id)).await().indefinitely();

    assertThat(calls).containsExactly("http://a ", "http://b ", "http://c A+B");
    assertThat(ports.executions.get(id).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ports.executions.get(id).output()).isEqualTo("C");
    assertThat(ports.checkpoints).extracting(c -> c.stepId()).containsExactly("a", "b", "c");
  }

  @Test
  void theEndOfAnExecutionIsAuditedOnceWithItsOutcome() {
    UUID id = UUID.randomUUID();
    runner(http, c -> { }).run(message(id)).await().indefinitely();
    runner(http, c -> { }).run(message(id)).await().indefinitely();

    assertThat(ports.outbox).filteredOn(e -> e.type().equals(MessageType.AUDIT_EVENT.name()))
        .singleElement()
        .satisfies(e -> {
          var event = (dev.strata.kernel.messaging.contract.AuditEvent) e.payload();
          assertThat(event.action()).isEqualTo("run-workflow");
          assertThat(event.resource()).isEqualTo("execution " + id);
          assertThat(event.outcome()).isEqualTo(dev.strata.kernel.messaging.contract.AuditEvent.Outcome.SUCCESS);
          assertThat(event.details()).containsEntry("status", "SUCCEEDED");
        });
  }

  @Test
  void aFinishedExecutionIsNotRunAgainByADuplicateMessage() {
    UUID id = UUID.randomUUID();
    runner(http, c -> { }).run(message(id)).await().indefinitely();
    runner(http, c -> { }).run(message(id)).await().indefinitely();
    assertThat(calls).hasSize(3);
  }

  @Test
  void aFlakyStepIsRetriedAndAStepThatKeepsFailingFailsTheExecutionWithItsError() {
    List<String> attempts = new CopyOnWriteArrayList<>();
    StepEffects flaky = (step, input) -> {
      attempts.add(step.id());
      return step.id().equals("a") && attempts.size() < 3 || step.id().equals("b")
          ? CompletableFuture.failedFuture(new IllegalStateException("boom " + step.id()))
          : CompletableFuture.completedFuture("ok");
    };
    UUID id = UUID.randomUUID();
    runner(flaky, c -> { }).run(message(id)).await().indefinitely();
    Execution failed = ports.executions.get(id);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).contains("step 'b'").contains("boom b");
    assertThat(attempts).containsExactly("a", "a", "a", "b", "b", "b");
  }

  @Test
  void aCancelledExecutionStopsBeforeItsNextStep() {
    UUID id = UUID.randomUUID();
    runner(http, checkpoint -> {
      Execution current = ports.executions.get(id);
      ports.executions.put(id, current.cancel(Instant.now()));
    }).run(message(id)).await().indefinitely();
    assertThat(calls).hasSize(1);
    assertThat(ports.executions.get(id).status()).isEqualTo(ExecutionStatus.CANCELLED);
  }

  @Test
  void aSecondDeliveryWaitsWhileAnotherHoldsTheLeaseAndRunsNothingOnceTheHolderFinished() {
    UUID id = UUID.randomUUID();
    ports.executions.put(id, Execution.pending(id, workflow.id(), Map.of(), null, null, Instant.now()).onWorkflowVersion(0));
    UUID otherHolder = UUID.randomUUID();
    ports.leases.put(id, otherHolder);

    var second = runner(http, c -> { }).run(message(id)).subscribeAsCompletionStage();
    assertThat(second).isNotDone();
    // the holder ends the execution and lets go of its lease
    ports.executions.put(id, ports.executions.get(id).succeed("done elsewhere", Instant.now()));
    ports.leasesPort.release(id, otherHolder);

    second.join();
    assertThat(calls).isEmpty();
    assertThat(ports.checkpoints).isEmpty();
  }

  @Test
  void aRunThatFailsGivesItsLeaseUpSoARedeliveryNeedNotWaitForItToExpire() {
    UUID id = UUID.randomUUID();
    RunExecution dying = runner(http, checkpoint -> {
      throw new IllegalStateException("process killed");
    });
    assertThatThrownBy(() -> dying.run(message(id)).await().indefinitely()).hasMessageContaining("killed");
    assertThat(ports.leases).doesNotContainKey(id);
  }

  @Test
  void aClaimWhoseAnswerIsLostWithItsConnectionGivesTheLeaseItTookUp() {
    UUID id = UUID.randomUUID();
    ports.executions.put(id, Execution.pending(id, workflow.id(), Map.of(), null, null, Instant.now()).onWorkflowVersion(0));
    ExecutionPath common = ports.path(workflows);
    // the statement committed (the lease is taken) but the connection closed before its answer arrived
    ExecutionPath cut = new ExecutionPath() {
      public CompletionStage<Optional<Execution>> start(Execution pending, Outgoing<?> message) { return common.start(pending, message); }
      public CompletionStage<Optional<Claim>> claim(UUID executionId, UUID holder, Duration lease) {
        return common.claim(executionId, holder, lease).thenCompose(claimed -> CompletableFuture.failedFuture(new IllegalStateException("Connection closed")));
      }
      public CompletionStage<Optional<Execution>> commitStep(Execution progressed, UUID holder, Duration lease, Checkpoint checkpoint,
          List<Outgoing<?>> messages) { return common.commitStep(progressed, holder, lease, checkpoint, messages); }
    };

    assertThatThrownBy(() -> runner(cut, http, c -> { }, Duration.ofMinutes(1)).run(message(id)).await().indefinitely())
        .hasMessageContaining("Connection closed");

    assertThat(ports.leases).doesNotContainKey(id);
    runner(http, c -> { }).run(message(id)).await().indefinitely();
    assertThat(ports.executions.get(id).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void aReleaseThatMeetsAConnectionTheDatabaseCutIsTriedAgain() {
    UUID id = UUID.randomUUID();
    ports.releasesToFail.set(2);
    RunExecution losingItsCommit = runner(http, checkpoint -> {
      throw new IllegalStateException("Connection closed");
    });
    assertThatThrownBy(() -> losingItsCommit.run(message(id)).await().indefinitely()).hasMessageContaining("Connection closed");
    assertThat(ports.leases).doesNotContainKey(id);
  }

  @Test
  void aStepThatOutlastsItsLeaseRenewsItWhileItRunsAndKeepsIt() {
    UUID id = UUID.randomUUID();
    // the step answers only after its lease was renewed three times: three leases' worth of work
    CompletableFuture<Object> answer = new CompletableFuture<>();
    ports.renewed.add(() -> {
      if (ports.renewals.get() >= 3) {
        answer.complete("late");
      }
    });
    StepEffects slow = (step, input) -> step.id().equals("a") ? answer : CompletableFuture.completedFuture("quick");

    runner(ports.path(workflows), slow, c -> { }, Duration.ofMillis(30)).run(message(id)).await().atMost(Duration.ofSeconds(30));

    assertThat(ports.executions.get(id).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ports.checkpoints).extracting(c -> c.stepId()).containsExactly("a", "b", "c");
  }
}
