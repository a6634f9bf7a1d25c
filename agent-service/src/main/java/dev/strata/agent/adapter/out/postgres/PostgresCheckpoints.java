package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.workflow.ExecutionState;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link Checkpoints} on {@code agent.checkpoints}. */
public class PostgresCheckpoints implements Checkpoints {

  @Override
  public CompletionStage<Checkpoint> append(Checkpoint checkpoint) {
    CheckpointEntity e = new CheckpointEntity();
    e.id = checkpoint.id();
    e.executionId = checkpoint.executionId();
    e.stepIndex = checkpoint.stepIndex();
    e.stepId = checkpoint.stepId();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("input", checkpoint.state().input());
    state.put("outputs", checkpoint.state().outputs());
    e.state = state;
    e.parentId = checkpoint.parentId();
    e.createdAt = checkpoint.createdAt();
    // flushed now: the unique (execution, step) key must fail here, inside the step's transaction
    return Panache.getSession().chain(s -> s.persist(e).chain(s::flush)).map(x -> checkpoint)
        .onFailure().transform(Failures::translate).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Optional<Checkpoint>> get(UUID id) {
    return Panache.getSession().chain(s -> s.find(CheckpointEntity.class, id))
        .map(e -> Optional.ofNullable(e).map(PostgresCheckpoints::toDomain)).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Optional<Checkpoint>> latest(UUID executionId) {
    return Panache.getSession().chain(s -> s.createSelectionQuery(
            "from CheckpointEntity c where c.executionId = :execution order by c.stepIndex desc", CheckpointEntity.class)
        .setParameter("execution", executionId).setMaxResults(1).getResultList())
        .map(rows -> rows.stream().findFirst().map(PostgresCheckpoints::toDomain)).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<List<Checkpoint>> of(UUID executionId) {
    return Panache.getSession().chain(s -> s.createSelectionQuery(
            "from CheckpointEntity c where c.executionId = :execution order by c.stepIndex", CheckpointEntity.class)
        .setParameter("execution", executionId).getResultList())
        .map(rows -> rows.stream().map(PostgresCheckpoints::toDomain).toList()).subscribeAsCompletionStage();
  }

  @SuppressWarnings("unchecked")
  private static Checkpoint toDomain(CheckpointEntity e) {
    var state = new ExecutionState((Map<String, Object>) e.state.get("input"), (Map<String, Object>) e.state.get("outputs"));
    return new Checkpoint(e.id, e.executionId, e.stepIndex, e.stepId, state, e.parentId, e.createdAt);
  }
}
