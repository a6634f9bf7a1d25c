package dev.strata.agent.application;

import dev.strata.agent.domain.shared.Repository;
import dev.strata.agent.domain.shared.UnitOfWork;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Deletes one aggregate; missing is not-found, still referenced is a conflict. */
public final class DeleteResource<T> {

  private final Repository<T> repository;
  private final UnitOfWork unitOfWork;

  public DeleteResource(Repository<T> repository, UnitOfWork unitOfWork) {
    this.repository = repository;
    this.unitOfWork = unitOfWork;
  }

  public Uni<Void> run(UUID id) {
    return Async.uni(() -> unitOfWork.write(() -> repository.delete(id)));
  }
}
