package dev.strata.agent.adapter.out.postgres;

import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.json;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.of;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.time;

import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionStatus;
import dev.strata.agent.domain.execution.Executions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@link Executions} on {@code agent.executions}. The output is stored as {@code {"value": …}} (a JSON column
 * holds an object); the lease columns belong to {@link PostgresExecutionLeases}.
 */
public class PostgresExecutions extends PostgresRepository<Execution> implements Executions {

  /** The columns {@link #toDomain(Row)} reads, for statements of {@link PostgresExecutionPath} that return an execution. */
  static final String COLUMNS = "id, workflow_id, workflow_version, status, input::text AS input, output::text AS output, error, "
      + "idempotency_key, forked_from, next_step, version, created_at, updated_at";

  public PostgresExecutions() {
    super("agent.executions", "execution",
        List.of(of("workflow_id", Execution::workflowId), of("workflow_version", Execution::workflowVersion), of("status", x -> x.status().name()), json("input", Execution::input),
            json("output", PostgresExecutions::output), of("error", Execution::error), of("idempotency_key", Execution::idempotencyKey),
            of("forked_from", Execution::forkedFrom), of("next_step", Execution::nextStep), time("created_at", Execution::createdAt),
            time("updated_at", Execution::updatedAt)),
        Map.of("workflowId", new Filter("workflow_id", UUID::fromString), "status", new Filter("status", v -> ExecutionStatus.valueOf(v).name())),
        Map.of("createdAt", "created_at", "updatedAt", "updated_at", "status", "status"),
        null);
  }

  @Override
  public CompletionStage<Optional<Execution>> byIdempotencyKey(UUID workflowId, String key) {
    return findOne("workflow_id = $1 AND idempotency_key = $2", Tuple.of(workflowId, key));
  }

  static Object output(Execution x) {
    return x.output() == null ? null : Collections.singletonMap("value", x.output());
  }

  @Override
  protected Execution toDomain(Row row) {
    return execution(row);
  }

  static Execution execution(Row row) {
    var output = Sql.object(row.getString("output"));
    return new Execution(row.getUUID("id"), row.getUUID("workflow_id"), row.getLong("workflow_version"),
        ExecutionStatus.valueOf(row.getString("status")),
        Sql.object(row.getString("input")), output == null ? null : output.get("value"), row.getString("error"),
        row.getString("idempotency_key"), row.getUUID("forked_from"), row.getInteger("next_step"), row.getLong("version"),
        Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
  }

  @Override
  protected UUID idOf(Execution x) {
    return x.id();
  }

  @Override
  protected long versionOf(Execution x) {
    return x.version();
  }
}
