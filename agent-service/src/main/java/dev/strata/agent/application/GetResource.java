package dev.strata.agent.application;

import dev.strata.agent.domain.shared.Repository;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Reads one aggregate; a missing one is a not-found error. */
public final class GetResource<T> {

  private final Repository<T> repository;
  private final UnitOfWork unitOfWork;
  private final String kind;

  public GetResource(Repository<T> repository, UnitOfWork unitOfWork, String kind) {
    this.repository = repository;
    this.unitOfWork = unitOfWork;
    this.kind = kind;
  }

  public Uni<T> run(UUID id) {
    return Async.uni(() -> unitOfWork.read(() -> repository.get(id)))
        .map(found -> found.orElseThrow(() -> new DomainException.NotFound(kind + " " + id + " not found")));
  }
}
