package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.workflow.ExecutionState;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link Checkpoints} on {@code agent.checkpoints}; the state column is {@code {input, outputs}}. */
public class PostgresCheckpoints implements Checkpoints {

  private static final String COLUMNS = "id, execution_id, step_index, step_id, state::text AS state, parent_id, created_at";
  private static final String INSERT = """
      INSERT INTO agent.checkpoints (id, execution_id, step_index, step_id, state, parent_id, created_at)
      VALUES ($1, $2, $3, $4, CAST($5::text AS jsonb), $6, $7)""";

  private static final String LIVE = "status IN ('PENDING', 'RUNNING')";
  private static final String PRUNE = """
      WITH ranked AS (
        SELECT c.id, c.created_at, e.%1$s AS live,
          row_number() OVER (PARTITION BY c.execution_id ORDER BY c.step_index DESC) AS newest
        FROM agent.checkpoints c JOIN agent.executions e ON e.id = c.execution_id)
      DELETE FROM agent.checkpoints WHERE id IN (
        SELECT id FROM ranked
        WHERE (newest > $1::int OR created_at < $2::timestamptz)
          AND NOT (live AND newest = 1)
          AND id NOT IN (SELECT forked_from FROM agent.executions WHERE forked_from IS NOT NULL AND %1$s))"""
      .formatted(LIVE);

  @Override
  public CompletionStage<Checkpoint> append(Checkpoint c) {
    // the unique (execution, step) key fails this insert when another writer committed the step
    return Sql.run(INSERT, Tuple.of(c.id(), c.executionId(), c.stepIndex(), c.stepId(), state(c), c.parentId(), Sql.time(c.createdAt())))
        .thenApply(rows -> c);
  }

  @Override
  public CompletionStage<Optional<Checkpoint>> get(UUID id) {
    return Sql.one("SELECT " + COLUMNS + " FROM agent.checkpoints WHERE id = $1", Tuple.of(id), PostgresCheckpoints::toDomain);
  }

  @Override
  public CompletionStage<Optional<Checkpoint>> latest(UUID executionId) {
    return Sql.one("SELECT " + COLUMNS + " FROM agent.checkpoints WHERE execution_id = $1 ORDER BY step_index DESC LIMIT 1",
        Tuple.of(executionId), PostgresCheckpoints::toDomain);
  }

  @Override
  public CompletionStage<List<Checkpoint>> of(UUID executionId) {
    return Sql.all("SELECT " + COLUMNS + " FROM agent.checkpoints WHERE execution_id = $1 ORDER BY step_index", Tuple.of(executionId),
        PostgresCheckpoints::toDomain);
  }

  @Override
  public CompletionStage<Long> prune(OptionalInt keepLast, Optional<Instant> createdBefore) {
    if (keepLast.isEmpty() && createdBefore.isEmpty()) {
      return CompletableFuture.completedFuture(0L);
    }
    return Sql.run(PRUNE, Tuple.of(keepLast.isPresent() ? keepLast.getAsInt() : null, createdBefore.map(Sql::time).orElse(null)))
        .thenApply(deleted -> (long) deleted.rowCount());
  }

  private static Checkpoint toDomain(Row row) {
    return toDomain(row, "");
  }

  /** {@code table}'s checkpoint columns named with {@code prefix}, for a statement that joins a checkpoint to other rows. */
  static String columns(String table, String prefix) {
    return ("%1$s.id AS %2$sid, %1$s.execution_id AS %2$sexecution_id, %1$s.step_index AS %2$sstep_index, %1$s.step_id AS %2$sstep_id, "
        + "%1$s.state::text AS %2$sstate, %1$s.parent_id AS %2$sparent_id, %1$s.created_at AS %2$screated_at").formatted(table, prefix);
  }

  /** The checkpoint in the columns named with {@code prefix}; null when they are (a join that found none). */
  @SuppressWarnings("unchecked")
  static Checkpoint toDomain(Row row, String prefix) {
    if (row.getUUID(prefix + "id") == null) {
      return null;
    }
    Map<String, Object> state = Sql.object(row.getString(prefix + "state"));
    return new Checkpoint(row.getUUID(prefix + "id"), row.getUUID(prefix + "execution_id"), row.getInteger(prefix + "step_index"),
        row.getString(prefix + "step_id"), new ExecutionState((Map<String, Object>) state.get("input"), (Map<String, Object>) state.get("outputs")),
        row.getUUID(prefix + "parent_id"), Sql.instant(row, prefix + "created_at"));
  }

  /** The {@code state} column of a checkpoint: {@code {input, outputs}}. */
  static String state(Checkpoint c) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("input", c.state().input());
    state.put("outputs", c.state().outputs());
    return Sql.json(state);
  }
}
