package dev.strata.agent.domain.execution;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * What starting and running an execution needs of the stored executions: find, insert, revise.
 * {@link Executions} adds the API's queries; the runner's path has an adapter of its own for just this.
 */
public interface ExecutionRecords {

  CompletionStage<Optional<Execution>> get(UUID id);

  CompletionStage<Optional<Execution>> byIdempotencyKey(UUID workflowId, String key);

  /** Inserts now, so a constraint failure (a second execution for one idempotency key) surfaces here. */
  CompletionStage<Execution> create(Execution execution);

  /** Fails with {@code DomainException.NotFound} or {@code DomainException.Conflict} (stale version). */
  CompletionStage<Execution> update(Execution execution);
}
