package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.execution.ExecutionLeases;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@link ExecutionLeases} as two columns of {@code agent.executions}, changed by conditional UPDATEs in the
 * caller's transaction: the row lock serializes two claims, and the database's clock decides expiry. The
 * version column is left alone: a lease is not a change of the execution.
 */
public class PostgresExecutionLeases implements ExecutionLeases {

  private static final String CLAIM = """
      UPDATE agent.executions SET lease_holder = $2, lease_until = now() + make_interval(secs => $3::double precision)
      WHERE id = $1 AND (lease_until IS NULL OR lease_until < now() OR lease_holder = $2)""";
  private static final String RENEW = """
      UPDATE agent.executions SET lease_until = now() + make_interval(secs => $3::double precision)
      WHERE id = $1 AND lease_holder = $2""";
  private static final String RELEASE = "UPDATE agent.executions SET lease_holder = NULL, lease_until = NULL WHERE id = $1 AND lease_holder = $2";

  @Override
  public CompletionStage<Boolean> claim(UUID executionId, UUID holder, Duration lease) {
    return Sql.run(CLAIM, Tuple.of(executionId, holder, seconds(lease))).thenApply(rows -> rows.rowCount() == 1);
  }

  @Override
  public CompletionStage<Boolean> renew(UUID executionId, UUID holder, Duration lease) {
    return Sql.run(RENEW, Tuple.of(executionId, holder, seconds(lease))).thenApply(rows -> rows.rowCount() == 1);
  }

  @Override
  public CompletionStage<Void> release(UUID executionId, UUID holder) {
    return Sql.run(RELEASE, Tuple.of(executionId, holder)).thenApply(rows -> null);
  }

  private static double seconds(Duration lease) {
    return lease.toMillis() / 1000.0;
  }
}
