package dev.strata.agent.adapter.out.sqlclient;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.workflow.ExecutionState;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link Checkpoints} on {@code agent.checkpoints} through the SQL client; state is {@code {input, outputs}} as the Hibernate adapter stores it. */
public class SqlCheckpoints implements Checkpoints {

  private static final String COLUMNS = "id, execution_id, step_index, step_id, state::text AS state, parent_id, created_at";
  private static final String INSERT = """
      INSERT INTO agent.checkpoints (id, execution_id, step_index, step_id, state, parent_id, created_at)
      VALUES ($1, $2, $3, $4, CAST($5::text AS jsonb), $6, $7)""";

  @Override
  public CompletionStage<Checkpoint> append(Checkpoint c) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("input", c.state().input());
    state.put("outputs", c.state().outputs());
    // the unique (execution, step) key fails this insert when another writer committed the step
    return Sql.run(INSERT, Tuple.of(c.id(), c.executionId(), c.stepIndex(), c.stepId(), Sql.json(state), c.parentId(), Sql.time(c.createdAt())))
        .thenApply(rows -> c);
  }

  @Override
  public CompletionStage<Optional<Checkpoint>> get(UUID id) {
    return Sql.one("SELECT " + COLUMNS + " FROM agent.checkpoints WHERE id = $1", Tuple.of(id), SqlCheckpoints::toDomain);
  }

  @Override
  public CompletionStage<Optional<Checkpoint>> latest(UUID executionId) {
    return Sql.one("SELECT " + COLUMNS + " FROM agent.checkpoints WHERE execution_id = $1 ORDER BY step_index DESC LIMIT 1",
        Tuple.of(executionId), SqlCheckpoints::toDomain);
  }

  @Override
  public CompletionStage<List<Checkpoint>> of(UUID executionId) {
    return Sql.run("SELECT " + COLUMNS + " FROM agent.checkpoints WHERE execution_id = $1 ORDER BY step_index", Tuple.of(executionId))
        .thenApply(rows -> {
          List<Checkpoint> all = new ArrayList<>();
          rows.forEach(row -> all.add(toDomain(row)));
          return all;
        });
  }

  @SuppressWarnings("unchecked")
  private static Checkpoint toDomain(Row row) {
    Map<String, Object> state = Sql.object(row.getString("state"));
    return new Checkpoint(row.getUUID("id"), row.getUUID("execution_id"), row.getInteger("step_index"), row.getString("step_id"),
        new ExecutionState((Map<String, Object>) state.get("input"), (Map<String, Object>) state.get("outputs")),
        row.getUUID("parent_id"), Sql.instant(row, "created_at"));
  }
}
