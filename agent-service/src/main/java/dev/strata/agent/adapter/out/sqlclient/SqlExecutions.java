package dev.strata.agent.adapter.out.sqlclient;

import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionStatus;
import dev.strata.agent.domain.execution.ExecutionRecords;
import dev.strata.kernel.error.DomainException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link ExecutionRecords} on {@code agent.executions} for the execution hot path: single rows by id or
 * idempotency key, inserts and versioned updates. Lists, counts and deletes belong to the API
 * and stay with the Hibernate adapter ({@code PostgresExecutions}).
 * Same row shape as there: the output is stored as {@code {"value": …}}.
 */
public class SqlExecutions implements ExecutionRecords {

  static final String COLUMNS = "id, workflow_id, status, input::text AS input, output::text AS output, error, "
      + "idempotency_key, forked_from, next_step, version, created_at, updated_at";
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM agent.executions WHERE id = $1";
  private static final String BY_KEY = "SELECT " + COLUMNS + " FROM agent.executions WHERE workflow_id = $1 AND idempotency_key = $2";
  private static final String INSERT = """
      INSERT INTO agent.executions (id, workflow_id, status, input, output, error, idempotency_key, forked_from, next_step,
        version, created_at, updated_at)
      VALUES ($1, $2, $3, CAST($4::text AS jsonb), CAST($5::text AS jsonb), $6, $7, $8, $9, $10, $11, $12)""";
  /** Optimistic: only the version the caller read is replaced; no row means gone or changed meanwhile. */
  private static final String UPDATE = """
      UPDATE agent.executions SET workflow_id = $2, status = $3, input = CAST($4::text AS jsonb), output = CAST($5::text AS jsonb),
        error = $6, idempotency_key = $7, forked_from = $8, next_step = $9, version = version + 1, created_at = $10, updated_at = $11
      WHERE id = $1 AND version = $12 RETURNING version""";

  @Override
  public CompletionStage<Optional<Execution>> get(UUID id) {
    return Sql.one(BY_ID, Tuple.of(id), SqlExecutions::toDomain);
  }

  @Override
  public CompletionStage<Optional<Execution>> byIdempotencyKey(UUID workflowId, String key) {
    return Sql.one(BY_KEY, Tuple.of(workflowId, key), SqlExecutions::toDomain);
  }

  @Override
  public CompletionStage<Execution> create(Execution x) {
    Tuple row = Tuple.tuple().addValue(x.id()).addValue(x.workflowId()).addValue(x.status().name()).addValue(Sql.json(x.input()))
        .addValue(Sql.json(output(x))).addValue(x.error()).addValue(x.idempotencyKey()).addValue(x.forkedFrom())
        .addInteger(x.nextStep()).addLong(x.version()).addValue(Sql.time(x.createdAt())).addValue(Sql.time(x.updatedAt()));
    return Sql.run(INSERT, row).thenApply(rows -> x);
  }

  @Override
  public CompletionStage<Execution> update(Execution x) {
    Tuple row = Tuple.tuple().addValue(x.id()).addValue(x.workflowId()).addValue(x.status().name()).addValue(Sql.json(x.input()))
        .addValue(Sql.json(output(x))).addValue(x.error()).addValue(x.idempotencyKey()).addValue(x.forkedFrom())
        .addInteger(x.nextStep()).addValue(Sql.time(x.createdAt())).addValue(Sql.time(x.updatedAt())).addLong(x.version());
    return Sql.run(UPDATE, row).thenCompose(rows -> {
      var updated = rows.iterator();
      if (updated.hasNext()) {
        return CompletableFuture.completedFuture(x.withVersion(updated.next().getLong("version")));
      }
      return get(x.id()).thenApply(current -> {
        throw current.<RuntimeException>map(c -> new DomainException.Conflict("version " + x.version() + " is stale; current is " + c.version()))
            .orElseGet(() -> new DomainException.NotFound("execution " + x.id() + " not found"));
      });
    });
  }

  static Object output(Execution x) {
    return x.output() == null ? null : Collections.singletonMap("value", x.output());
  }

  static Execution toDomain(Row row) {
    var output = Sql.object(row.getString("output"));
    return new Execution(row.getUUID("id"), row.getUUID("workflow_id"), ExecutionStatus.valueOf(row.getString("status")),
        Sql.object(row.getString("input")), output == null ? null : output.get("value"), row.getString("error"),
        row.getString("idempotency_key"), row.getUUID("forked_from"), row.getInteger("next_step"), row.getLong("version"),
        Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
  }
}
