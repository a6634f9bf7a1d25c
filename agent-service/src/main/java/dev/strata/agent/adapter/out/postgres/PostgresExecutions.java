package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionStatus;
import dev.strata.agent.domain.execution.Executions;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** {@link Executions} on {@code agent.executions}. */
public class PostgresExecutions extends PanacheRepositoryAdapter<Execution, ExecutionEntity> implements Executions {

  public PostgresExecutions() {
    super(ExecutionEntity.class);
  }

  @Override
  public CompletionStage<Optional<Execution>> byIdempotencyKey(UUID workflowId, String key) {
    return session().chain(s -> s.createSelectionQuery(
            "from ExecutionEntity e where e.workflowId = :workflow and e.idempotencyKey = :key", ExecutionEntity.class)
        .setParameter("workflow", workflowId).setParameter("key", key).getSingleResultOrNull())
        .map(e -> Optional.ofNullable(e).map(this::toDomain)).subscribeAsCompletionStage();
  }

  @Override
  protected Execution toDomain(ExecutionEntity e) {
    return new Execution(e.id, e.workflowId, ExecutionStatus.valueOf(e.status), e.input, e.output == null ? null : e.output.get("value"),
        e.error, e.idempotencyKey, e.forkedFrom, e.nextStep, e.version, e.createdAt, e.updatedAt);
  }

  @Override
  protected void copy(Execution x, ExecutionEntity e) {
    e.workflowId = x.workflowId();
    e.status = x.status().name();
    e.input = x.input();
    e.output = x.output() == null ? null : Collections.singletonMap("value", x.output());
    e.error = x.error();
    e.idempotencyKey = x.idempotencyKey();
    e.forkedFrom = x.forkedFrom();
    e.nextStep = x.nextStep();
    e.createdAt = x.createdAt();
    e.updatedAt = x.updatedAt();
  }

  @Override
  protected ExecutionEntity newEntity() {
    return new ExecutionEntity();
  }

  @Override
  protected UUID idOf(Execution x) {
    return x.id();
  }

  @Override
  protected long versionOf(Execution x) {
    return x.version();
  }

  @Override
  protected Map<String, Function<String, Object>> filterable() {
    return Map.of("workflowId", UUID::fromString, "status", v -> ExecutionStatus.valueOf(v).name());
  }

  @Override
  protected Set<String> sortable() {
    return Set.of("createdAt", "updatedAt", "status");
  }
}
