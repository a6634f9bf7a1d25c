package dev.strata.agent.domain.shared;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The generic repository every aggregate's port extends. Stages complete once the database
 * answered; inside a {@link UnitOfWork} they all share its transaction.
 *
 * @param <T> the aggregate; its {@code version} is the one the caller last saw
 */
public interface Repository<T> {

  CompletionStage<Optional<T>> get(UUID id);

  /** The page of {@code query} and the total of all matches (same filters). */
  CompletionStage<Page<T>> list(Query query);

  CompletionStage<Long> count(Query query);

  /** Inserts now (one round trip), so a constraint failure surfaces here. */
  CompletionStage<T> create(T aggregate);

  /** Inserts all in batched round trips. */
  CompletionStage<List<T>> createMany(List<T> aggregates);

  /**
   * Replaces the aggregate when its stored version equals {@code aggregate}'s version.
   * Fails with {@code DomainException.NotFound} or {@code DomainException.Conflict} (stale version).
   */
  CompletionStage<T> update(T aggregate);

  /** Fails with {@code DomainException.NotFound} when there is nothing to delete. */
  CompletionStage<Void> delete(UUID id);
}
