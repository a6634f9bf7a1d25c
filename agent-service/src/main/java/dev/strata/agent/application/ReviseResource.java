package dev.strata.agent.application;

import dev.strata.agent.domain.shared.Repository;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import java.util.function.Function;

/**
 * Load → revise → save in one transaction. The revision carries the version the client saw, so a
 * stale one is a conflict instead of a lost update.
 */
public final class ReviseResource<T> {

  private final Repository<T> repository;
  private final UnitOfWork unitOfWork;
  private final String kind;

  public ReviseResource(Repository<T> repository, UnitOfWork unitOfWork, String kind) {
    this.repository = repository;
    this.unitOfWork = unitOfWork;
    this.kind = kind;
  }

  public Uni<T> run(UUID id, Function<T, T> revision) {
    return Async.uni(() -> unitOfWork.write(() -> repository.get(id).thenCompose(found -> {
      T current = found.orElseThrow(() -> new DomainException.NotFound(kind + " " + id + " not found"));
      return repository.update(revision.apply(current));
    })));
  }
}
