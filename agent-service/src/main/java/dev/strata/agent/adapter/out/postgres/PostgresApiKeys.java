package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.access.ApiKey;
import dev.strata.agent.domain.access.ApiKeys;
import dev.strata.agent.domain.access.SecurityRoles;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** {@link ApiKeys} on {@code agent.api_keys}. */
public class PostgresApiKeys extends PanacheRepositoryAdapter<ApiKey, ApiKeyEntity> implements ApiKeys {

  public PostgresApiKeys() {
    super(ApiKeyEntity.class);
  }

  @Override
  public CompletionStage<Optional<ApiKey>> byHash(String keyHash) {
    return session().chain(s -> s.createSelectionQuery("from ApiKeyEntity e where e.keyHash = :hash", ApiKeyEntity.class)
            .setParameter("hash", keyHash).getSingleResultOrNull())
        .map(e -> Optional.ofNullable(e).map(this::toDomain)).subscribeAsCompletionStage();
  }

  @Override
  protected ApiKey toDomain(ApiKeyEntity e) {
    return new ApiKey(e.id, e.name, e.keyHash, SecurityRoles.split(e.roles), e.version, e.createdAt, e.updatedAt, e.revokedAt);
  }

  @Override
  protected void copy(ApiKey k, ApiKeyEntity e) {
    e.name = k.name();
    e.keyHash = k.keyHash();
    e.roles = SecurityRoles.join(k.roles());
    e.createdAt = k.createdAt();
    e.updatedAt = k.updatedAt();
    e.revokedAt = k.revokedAt();
  }

  @Override
  protected ApiKeyEntity newEntity() {
    return new ApiKeyEntity();
  }

  @Override
  protected UUID idOf(ApiKey k) {
    return k.id();
  }

  @Override
  protected long versionOf(ApiKey k) {
    return k.version();
  }

  @Override
  protected Map<String, Function<String, Object>> filterable() {
    return Map.of();
  }

  @Override
  protected Set<String> sortable() {
    return Set.of("name", "createdAt");
  }
}
