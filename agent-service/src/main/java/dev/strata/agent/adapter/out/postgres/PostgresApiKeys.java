package dev.strata.agent.adapter.out.postgres;

import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.of;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.time;

import dev.strata.agent.domain.access.ApiKey;
import dev.strata.agent.domain.access.ApiKeys;
import dev.strata.agent.domain.access.SecurityRoles;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link ApiKeys} on {@code agent.api_keys}. */
public class PostgresApiKeys extends PostgresRepository<ApiKey> implements ApiKeys {

  public PostgresApiKeys() {
    super("agent.api_keys", "api key",
        List.of(of("name", ApiKey::name), of("key_hash", ApiKey::keyHash), of("roles", k -> SecurityRoles.join(k.roles())),
            time("created_at", ApiKey::createdAt), time("updated_at", ApiKey::updatedAt), time("revoked_at", ApiKey::revokedAt)),
        Map.of(),
        Map.of("name", "name", "createdAt", "created_at"),
        "name");
  }

  @Override
  public CompletionStage<Optional<ApiKey>> byHash(String keyHash) {
    return findOne("key_hash = $1", Tuple.of(keyHash));
  }

  @Override
  protected ApiKey toDomain(Row row) {
    return new ApiKey(row.getUUID("id"), row.getString("name"), row.getString("key_hash"), SecurityRoles.split(row.getString("roles")),
        row.getLong("version"), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"), Sql.instant(row, "revoked_at"));
  }

  @Override
  protected UUID idOf(ApiKey k) {
    return k.id();
  }

  @Override
  protected long versionOf(ApiKey k) {
    return k.version();
  }
}
