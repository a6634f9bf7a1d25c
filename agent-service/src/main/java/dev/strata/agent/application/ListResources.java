package dev.strata.agent.application;

import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.Query;
import dev.strata.agent.domain.shared.Repository;
import dev.strata.agent.domain.shared.UnitOfWork;
import io.smallrye.mutiny.Uni;

/** A filtered, sorted page of aggregates with the total count. */
public final class ListResources<T> {

  private final Repository<T> repository;
  private final UnitOfWork unitOfWork;

  public ListResources(Repository<T> repository, UnitOfWork unitOfWork) {
    this.repository = repository;
    this.unitOfWork = unitOfWork;
  }

  public Uni<Page<T>> run(Query query) {
    return Async.uni(() -> unitOfWork.read(() -> repository.list(query)));
  }
}
