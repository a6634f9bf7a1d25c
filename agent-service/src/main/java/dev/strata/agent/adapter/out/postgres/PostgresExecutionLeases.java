package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.execution.ExecutionLeases;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@link ExecutionLeases} as two columns of {@code agent.executions}, changed by conditional
 * UPDATEs in the caller's transaction: the row lock the UPDATE takes makes two claims of one
 * execution serialize, and the loser sees the winner's unexpired lease. The version column is left
 * alone: a lease is not a change of the execution.
 */
public class PostgresExecutionLeases implements ExecutionLeases {

  private static final String CLAIM = """
      UPDATE agent.executions SET lease_holder = :holder, lease_until = now() + make_interval(secs => CAST(:seconds AS double precision))
      WHERE id = :id AND (lease_until IS NULL OR lease_until < now() OR lease_holder = :holder)""";
  private static final String RENEW = """
      UPDATE agent.executions SET lease_until = now() + make_interval(secs => CAST(:seconds AS double precision))
      WHERE id = :id AND lease_holder = :holder""";
  private static final String RELEASE = """
      UPDATE agent.executions SET lease_holder = NULL, lease_until = NULL WHERE id = :id AND lease_holder = :holder""";

  @Override
  public CompletionStage<Boolean> claim(UUID executionId, UUID holder, Duration lease) {
    return update(CLAIM, executionId, holder, lease).map(rows -> rows == 1).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Boolean> renew(UUID executionId, UUID holder, Duration lease) {
    return update(RENEW, executionId, holder, lease).map(rows -> rows == 1).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Void> release(UUID executionId, UUID holder) {
    return Panache.getSession().chain(s -> s.createNativeQuery(RELEASE)
        .setParameter("id", executionId).setParameter("holder", holder).executeUpdate())
        .replaceWithVoid().subscribeAsCompletionStage();
  }

  private static Uni<Integer> update(String sql, UUID executionId, UUID holder, Duration lease) {
    return Panache.getSession().chain(s -> s.createNativeQuery(sql)
        .setParameter("id", executionId).setParameter("holder", holder)
        .setParameter("seconds", lease.toMillis() / 1000.0).executeUpdate());
  }
}
