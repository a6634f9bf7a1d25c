package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.access.RevokedTokens;
import dev.strata.kernel.messaging.contract.TokenRevocations.Revocation;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** {@link RevokedTokens} as rows of {@code agent.token_revocations}, in the caller's transaction. */
public class PostgresRevokedTokens implements RevokedTokens {

  private static final String RECORD = """
      INSERT INTO agent.token_revocations (subject, revoked_at) VALUES ($1, $2)
      ON CONFLICT (subject) DO UPDATE SET revoked_at = GREATEST(agent.token_revocations.revoked_at, EXCLUDED.revoked_at)""";
  private static final String FORGET = "DELETE FROM agent.token_revocations WHERE revoked_at <= $1";
  private static final String SINCE = "SELECT subject, revoked_at FROM agent.token_revocations WHERE revoked_at > $1 ORDER BY revoked_at";

  @Override
  public CompletionStage<Void> record(Revocation revocation) {
    return Sql.run(RECORD, Tuple.of(revocation.subject(), Sql.time(revocation.revokedAt()))).thenApply(recorded -> null);
  }

  @Override
  public CompletionStage<List<Revocation>> since(Instant since) {
    Tuple from = Tuple.of(Sql.time(since));
    return Sql.run(FORGET, from).thenCompose(forgotten -> Sql.all(SINCE, from,
        row -> new Revocation(row.getString("subject"), Sql.instant(row, "revoked_at"))));
  }
}
