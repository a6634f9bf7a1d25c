package dev.strata.agent.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.domain.agent.Agent;
import dev.strata.agent.domain.agent.AgentStatus;
import dev.strata.agent.domain.agent.Agents;
import dev.strata.agent.domain.shared.Query;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.agent.domain.workflow.WorkflowDefinition;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.kernel.error.DomainException;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class PostgresRepositoriesIT {

  @Inject Agents agents;
  @Inject Workflows workflows;
  @Inject UnitOfWork unitOfWork;

  private static Agent agent(String name, String type, AgentStatus status) {
    return Agent.create(name, type, "m", "", Map.of("k", 1), status, Instant.now());
  }

  private <T> T await(Supplier<CompletionStage<T>> work) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().completionStage(work));
  }

  @Test
  void createManyStoresAllAndTheyAreCountedWithTheSameFilters() throws Throwable {
    String type = "many" + UUID.randomUUID().toString().substring(0, 8);
    List<Agent> batch = IntStream.range(0, 30).mapToObj(i -> agent("Many " + i, type, i % 3 == 0 ? AgentStatus.inactive : AgentStatus.active)).toList();
    await(() -> unitOfWork.write(() -> agents.createMany(batch)));

    Query active = new Query(Map.of("type", type, "status", "active"), null, null, false, 0, 5);
    assertThat(await(() -> unitOfWork.read(() -> agents.count(active)))).isEqualTo(20);
    var page = await(() -> unitOfWork.read(() -> agents.list(active)));
    assertThat(page.items()).hasSize(5);
    assertThat(page.total()).isEqualTo(20);
    assertThat(await(() -> unitOfWork.read(() -> agents.byType(type, 100)))).hasSize(30);
    assertThat(await(() -> unitOfWork.read(() -> agents.active(1000)))).extracting(Agent::status).containsOnly(AgentStatus.active);
  }

  @Test
  void searchByNameIgnoresCaseAndTreatsLikeMetacharactersLiterally() throws Throwable {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    await(() -> unitOfWork.write(() -> agents.createMany(List.of(
        agent("Zeta " + marker + " 100% Sure", "search", AgentStatus.active),
        agent("zeta " + marker + " 100 sure", "search", AgentStatus.active)))));
    assertThat(await(() -> unitOfWork.read(() -> agents.searchByName("ZETA " + marker, 0, 10))).total()).isEqualTo(2);
    assertThat(await(() -> unitOfWork.read(() -> agents.searchByName(marker + " 100%", 0, 10))).items())
        .extracting(Agent::name).containsExactly("Zeta " + marker + " 100% Sure");
  }

  @Test
  void aFailureInTheSecondWriteLeavesTheFirstUnwritten() {
    Agent first = agent("First of two", "uow", AgentStatus.active);
    Workflow dangling = Workflow.create("needs a missing agent", "", UUID.randomUUID(),
        new WorkflowDefinition(List.of(new Step("only", StepKind.TEMPLATE, Map.of("text", "hi")))), Instant.now());

    assertThatThrownBy(() -> await(() -> unitOfWork.write(() -> agents.create(first).thenCompose(x -> workflows.create(dangling)))))
        .isInstanceOf(DomainException.Conflict.class);
    assertThat(catching(() -> await(() -> unitOfWork.read(() -> agents.get(first.id()))))).isEmpty();
  }

  @Test
  void updateChecksTheVersionAndDeleteReportsMissingRows() throws Throwable {
    Agent stored = await(() -> unitOfWork.write(() -> agents.create(agent("Versioned", "versioned", AgentStatus.active))));
    Agent revised = stored.revise("Versioned 2", "versioned", "m2", "", Map.of(), AgentStatus.inactive, 0, Instant.now());
    assertThat(await(() -> unitOfWork.write(() -> agents.update(revised))).version()).isEqualTo(1);
    assertThatThrownBy(() -> await(() -> unitOfWork.write(() -> agents.update(revised)))).isInstanceOf(DomainException.Conflict.class);
    await(() -> unitOfWork.write(() -> agents.delete(stored.id())));
    assertThatThrownBy(() -> await(() -> unitOfWork.write(() -> agents.delete(stored.id())))).isInstanceOf(DomainException.NotFound.class);
    assertThatThrownBy(() -> await(() -> unitOfWork.write(() -> agents.update(revised)))).isInstanceOf(DomainException.NotFound.class);
  }

  private static <T> T catching(ThrowingSupplier<T> supplier) {
    try {
      return supplier.get();
    } catch (Throwable e) {
      throw new AssertionError(e);
    }
  }

  interface ThrowingSupplier<T> {
    T get() throws Throwable;
  }
}
