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
      INSERT INTO agent.token_revocations (subject, version, revoked_at) VALUES (:subject, :version, :at)
      ON CONFLICT (subject) DO UPDATE SET version = GREATEST(agent.token_revocations.version, EXCLUDED.version),
        revoked_at = EXCLUDED.revoked_at""";
  private static final String FORGET = "DELETE FROM agent.token_revocations WHERE revoked_at <= :since";
  private static final String SINCE = """
      SELECT subject, version, revoked_at FROM agent.token_revocations WHERE revoked_at > :since ORDER BY revoked_at""";

  @Override
  public CompletionStage<Void> record(Revocation revocation) {
    return Panache.getSession().chain(s -> s.createNativeQuery(RECORD).setParameter("subject", revocation.subject())
            .setParameter("version", revocation.version()).setParameter("at", revocation.revokedAt()).executeUpdate())
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
    Object at = row[2];
    Instant revokedAt = at instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) at;
    return new Revocation((String) row[0], ((Number) row[1]).longValue(), revokedAt);
  }
}
