package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionPath;
import dev.strata.agent.domain.execution.Resumption;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.support.messaging.TraceParent;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@link ExecutionPath} as one statement each — data-modifying CTEs, so a start, a claim or a step's
 * commit is one round trip and one implicit transaction instead of BEGIN, three or four statements
 * and COMMIT. Same rows as {@link PostgresExecutions}, {@link PostgresCheckpoints} and {@link PostgresOutbox} write.
 */
public class PostgresExecutionPath implements ExecutionPath {

  private static final String LIVE = "status IN ('PENDING', 'RUNNING')";

  /**
   * Inserts nothing when the workflow is missing or the key was used (the unique index), else both rows; the
   * execution runs the workflow's current version unless it names one ({@code $14}, a fork's).
   */
  private static final String START = """
      WITH workflow AS (SELECT id, version FROM agent.workflows WHERE id = $2),
      created AS (
        INSERT INTO agent.executions (id, workflow_id, workflow_version, status, input, idempotency_key, forked_from, next_step, version,
          created_at, updated_at)
        SELECT $1, workflow.id, COALESCE($14::bigint, workflow.version), $3, CAST($4::text AS jsonb), $5, $6, $7, $8, $9, $9 FROM workflow
        ON CONFLICT (workflow_id, idempotency_key) DO NOTHING
        RETURNING workflow_version),
      queued AS (
        INSERT INTO agent.outbox (id, message_type, body, correlation_id, created_at, trace_parent) SELECT $10, $11, $12, $13, $9, $15 FROM created)
      SELECT workflow_version FROM created""";

  private static final String CLAIM = """
      WITH claimed AS (
        UPDATE agent.executions SET lease_holder = $2, lease_until = now() + make_interval(secs => $3::double precision)
        WHERE id = $1 AND %s AND (lease_until IS NULL OR lease_until < now() OR lease_holder = $2)
        RETURNING %s)
      SELECT claimed.*, workflow.definition::text AS definition, %s, %s
      FROM claimed
      JOIN agent.workflow_versions workflow ON workflow.workflow_id = claimed.workflow_id AND workflow.version = claimed.workflow_version
      LEFT JOIN LATERAL (
        SELECT * FROM agent.checkpoints WHERE execution_id = claimed.id ORDER BY step_index DESC LIMIT 1) own ON true
      LEFT JOIN agent.checkpoints forked ON forked.id = claimed.forked_from"""
      .formatted(LIVE, PostgresExecutions.COLUMNS, PostgresCheckpoints.columns("own", "own_"), PostgresCheckpoints.columns("forked", "forked_"));

  /** The checkpoint and the messages go in only with the execution's update, which needs its version, liveness and lease. */
  private static final String COMMIT_STEP = """
      WITH progressed AS (
        UPDATE agent.executions SET status = $3, output = CAST($4::text AS jsonb), error = $5, next_step = $6, updated_at = $7,
          version = version + 1, lease_until = now() + make_interval(secs => $9::double precision)
        WHERE id = $1 AND version = $2 AND lease_holder = $8 AND %s
        RETURNING version),
      checkpoint AS (
        INSERT INTO agent.checkpoints (id, execution_id, step_index, step_id, state, parent_id, created_at)
        SELECT $10, $1, $11, $12, CAST($13::text AS jsonb), $14, $19 FROM progressed),
      queued AS (
        INSERT INTO agent.outbox (id, message_type, body, correlation_id, created_at, trace_parent)
        SELECT m.id, m.type, m.body, m.correlation_id, $7, $20 FROM progressed,
          unnest($15::uuid[], $16::varchar[], $17::bytea[], $18::varchar[]) AS m(id, type, body, correlation_id))
      SELECT version FROM progressed""".formatted(LIVE);

  private final Pool pool;
  private final Runnable outboxCommitted;
  private final EnvelopeCodec codec = new EnvelopeCodec();

  /** @param outboxCommitted nudges the outbox relay after a statement that wrote outbox rows committed */
  public PostgresExecutionPath(Pool pool, Runnable outboxCommitted) {
    this.pool = pool;
    this.outboxCommitted = outboxCommitted;
  }

  @Override
  public CompletionStage<Optional<Execution>> start(Execution x, Outgoing<?> message) {
    Tuple row = Tuple.tuple().addValue(x.id()).addValue(x.workflowId()).addValue(x.status().name()).addValue(Sql.json(x.input()))
        .addValue(x.idempotencyKey()).addValue(x.forkedFrom()).addInteger(x.nextStep()).addLong(x.version()).addValue(Sql.time(x.createdAt()))
        .addValue(message.envelope().messageId()).addValue(message.type().name()).addValue(Buffer.buffer(codec.encode(message.envelope())))
        .addValue(message.envelope().correlationId()).addValue(x.workflowVersion()).addValue(TraceParent.current());
    return run(START, row).thenApply(rows -> {
      var created = rows.iterator();
      if (!created.hasNext()) {
        return Optional.empty();
      }
      outboxCommitted.run();
      return Optional.of(x.onWorkflowVersion(created.next().getLong("workflow_version")));
    });
  }

  @Override
  public CompletionStage<Optional<Claim>> claim(UUID executionId, UUID holder, Duration lease) {
    return run(CLAIM, Tuple.of(executionId, holder, seconds(lease))).thenApply(rows -> {
      var found = rows.iterator();
      if (!found.hasNext()) {
        return Optional.empty();
      }
      Row row = found.next();
      Execution execution = PostgresExecutions.execution(row);
      Resumption from = Resumption.of(execution, Optional.ofNullable(PostgresCheckpoints.toDomain(row, "own_")),
          Optional.ofNullable(PostgresCheckpoints.toDomain(row, "forked_")));
      return Optional.of(new Claim(execution, PostgresWorkflows.steps(row.getString("definition")), from));
    });
  }

  @Override
  public CompletionStage<Optional<Execution>> commitStep(Execution x, UUID holder, Duration lease, Checkpoint c, List<Outgoing<?>> messages) {
    int n = messages.size();
    UUID[] ids = new UUID[n];
    String[] types = new String[n], correlationIds = new String[n];
    Buffer[] bodies = new Buffer[n];
    for (int i = 0; i < n; i++) {
      Outgoing<?> message = messages.get(i);
      ids[i] = message.envelope().messageId();
      types[i] = message.type().name();
      bodies[i] = Buffer.buffer(codec.encode(message.envelope()));
      correlationIds[i] = message.envelope().correlationId();
    }
    Tuple row = Tuple.tuple().addValue(x.id()).addLong(x.version()).addValue(x.status().name()).addValue(Sql.json(PostgresExecutions.output(x)))
        .addValue(x.error()).addInteger(x.nextStep()).addValue(Sql.time(x.updatedAt())).addValue(holder).addValue(seconds(lease))
        .addValue(c.id()).addInteger(c.stepIndex()).addValue(c.stepId()).addValue(PostgresCheckpoints.state(c)).addValue(c.parentId())
        .addArrayOfUUID(ids).addArrayOfString(types).addArrayOfBuffer(bodies).addArrayOfString(correlationIds)
        .addValue(Sql.time(c.createdAt())).addValue(TraceParent.current());
    return run(COMMIT_STEP, row).thenApply(rows -> {
      var stored = rows.iterator();
      if (!stored.hasNext()) {
        return Optional.empty();
      }
      if (n > 0) {
        outboxCommitted.run();
      }
      return Optional.of(x.withVersion(stored.next().getLong("version")));
    });
  }

  private CompletionStage<RowSet<Row>> run(String sql, Tuple arguments) {
    return Sql.translated(pool.preparedQuery(sql).execute(arguments)).toCompletionStage();
  }

  private static double seconds(Duration lease) {
    return lease.toMillis() / 1000.0;
  }
}
