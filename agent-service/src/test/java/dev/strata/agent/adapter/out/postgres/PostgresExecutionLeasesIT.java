package dev.strata.agent.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionLeases;
import dev.strata.agent.domain.execution.Executions;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.agent.domain.workflow.WorkflowDefinition;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class PostgresExecutionLeasesIT {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Inject ExecutionLeases leases;
  @Inject Executions executions;
  @Inject Workflows workflows;
  @Inject UnitOfWork unitOfWork;

  private final UUID first = UUID.randomUUID();
  private final UUID second = UUID.randomUUID();
  private UUID executionId;

  private <T> T inTransaction(Supplier<CompletionStage<T>> work) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().completionStage(() -> unitOfWork.write(work)));
  }

  @BeforeEach
  void anExecution() throws Throwable {
    Workflow workflow = Workflow.create("lease " + UUID.randomUUID(), "", null,
        new WorkflowDefinition(List.of(new Step("t", StepKind.TEMPLATE, Map.of("text", "x")))), Instant.now());
    executionId = UUID.randomUUID();
    inTransaction(() -> workflows.create(workflow)
        .thenCompose(w -> executions.create(Execution.pending(executionId, w.id(), Map.of(), null, null, Instant.now()).onWorkflowVersion(w.version()))));
  }

  @Test
  void aRunningLeaseKeepsEveryOtherHolderOutUntilItsHolderReleasesIt() throws Throwable {
    assertThat(inTransaction(() -> leases.claim(executionId, first, MINUTE))).isTrue();
    assertThat(inTransaction(() -> leases.claim(executionId, second, MINUTE))).isFalse();
    assertThat(inTransaction(() -> leases.claim(executionId, first, MINUTE))).as("its holder takes it again").isTrue();
    inTransaction(() -> leases.release(executionId, second));
    assertThat(inTransaction(() -> leases.claim(executionId, second, MINUTE))).as("only the holder can release").isFalse();

    inTransaction(() -> leases.release(executionId, first));
    assertThat(inTransaction(() -> leases.claim(executionId, second, MINUTE))).isTrue();
  }

  @Test
  void anExpiredLeaseIsTakenOverAndItsFormerHolderIsShutOut() throws Throwable {
    // a lease of zero ends with the claiming transaction: as if its holder had hung past it
    assertThat(inTransaction(() -> leases.claim(executionId, first, Duration.ZERO))).isTrue();
    assertThat(inTransaction(() -> leases.claim(executionId, second, MINUTE))).isTrue();
    assertThat(inTransaction(() -> leases.claim(executionId, first, MINUTE))).isFalse();
  }

  @Test
  void aRenewedLeaseOutlastsItsFirstEndAndOnlyItsHolderRenewsIt() throws Throwable {
    assertThat(inTransaction(() -> leases.claim(executionId, first, Duration.ZERO))).isTrue();
    assertThat(inTransaction(() -> leases.renew(executionId, second, MINUTE))).as("not its holder").isFalse();
    assertThat(inTransaction(() -> leases.renew(executionId, first, MINUTE))).isTrue();
    assertThat(inTransaction(() -> leases.claim(executionId, second, MINUTE))).isFalse();
    // a renewal that came too late: the lease lapsed and was taken over
    assertThat(inTransaction(() -> leases.renew(executionId, first, Duration.ZERO))).isTrue();
    assertThat(inTransaction(() -> leases.claim(executionId, second, MINUTE))).isTrue();
    assertThat(inTransaction(() -> leases.renew(executionId, first, MINUTE))).as("the former holder is shut out").isFalse();
  }

  @Test
  void takingALeaseLeavesTheExecutionsVersionAlone() throws Throwable {
    inTransaction(() -> leases.claim(executionId, first, MINUTE));
    Execution stored = inTransaction(() -> executions.get(executionId)).orElseThrow();
    assertThat(stored.version()).isZero();
  }
}
