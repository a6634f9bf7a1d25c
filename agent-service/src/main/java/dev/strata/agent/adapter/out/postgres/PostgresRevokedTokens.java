package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.access.RevokedTokens;
import dev.strata.kernel.messaging.contract.TokenRevocations.Revocation;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** {@link RevokedTokens} as rows of {@code agent.token_revocations}, in the caller's transaction. */
public class PostgresRevokedTokens implements RevokedTokens {

  private static final String RECORD = """
      INSERT INTO agent.token_revocations (subject, revoked_at) VALUES (:subject, :at)
      ON CONFLICT (subject) DO UPDATE SET revoked_at = GREATEST(agent.token_revocations.revoked_at, EXCLUDED.revoked_at)""";
  private static final String FORGET = "DELETE FROM agent.token_revocations WHERE revoked_at <= :since";
  private static final String SINCE = """
      SELECT subject, revoked_at FROM agent.token_revocations WHERE revoked_at > :since ORDER BY revoked_at""";

  @Override
  public CompletionStage<Void> record(Revocation revocation) {
    return Panache.getSession().chain(s -> s.createNativeQuery(RECORD).setParameter("subject", revocation.subject())
            .setParameter("at", revocation.revokedAt()).executeUpdate())
        .replaceWithVoid().subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<List<Revocation>> since(Instant since) {
    return Panache.getSession().chain(s -> s.createNativeQuery(FORGET).setParameter("since", since).executeUpdate()
            .chain(() -> s.createNativeQuery(SINCE, Object[].class).setParameter("since", since).getResultList()))
        .map(rows -> rows.stream().map(PostgresRevokedTokens::revocation).toList())
        .subscribeAsCompletionStage();
  }

  private static Revocation revocation(Object[] row) {
    Object at = row[1];
    return new Revocation((String) row[0], at instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) at);
  }
}
