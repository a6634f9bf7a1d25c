package dev.strata.agent.application;

import dev.strata.agent.domain.shared.Repository;
import dev.strata.agent.domain.shared.UnitOfWork;
import io.smallrye.mutiny.Uni;

/** Stores a new aggregate the edge built (its constructor already enforced the invariants). */
public final class CreateResource<T> {

  private final Repository<T> repository;
  private final UnitOfWork unitOfWork;

  public CreateResource(Repository<T> repository, UnitOfWork unitOfWork) {
    this.repository = repository;
    this.unitOfWork = unitOfWork;
  }

  public Uni<T> run(T aggregate) {
    return Async.uni(() -> unitOfWork.write(() -> repository.create(aggregate)));
  }
}
