package dev.strata.agent.domain.execution;

import dev.strata.agent.domain.shared.Repository;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Executions; filterable on {@code workflowId} and {@code status}. The runner's own writes, one round
 * trip each, are {@link ExecutionPath}'s.
 */
public interface Executions extends Repository<Execution> {

  CompletionStage<Optional<Execution>> byIdempotencyKey(UUID workflowId, String key);
}
