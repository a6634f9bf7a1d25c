package dev.strata.agent.domain.access;

import dev.strata.agent.domain.shared.Repository;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The API keys we issued (revoked ones included); searchable by name. */
public interface ApiKeys extends Repository<ApiKey> {

  CompletionStage<Optional<ApiKey>> byHash(String keyHash);
}
