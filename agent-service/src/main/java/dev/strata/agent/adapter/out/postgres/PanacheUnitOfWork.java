package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.shared.UnitOfWork;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** One reactive Hibernate session (and transaction, for writes) shared by every repository call in it. */
public class PanacheUnitOfWork implements UnitOfWork {

  @Override
  public <T> CompletionStage<T> write(Supplier<CompletionStage<T>> work) {
    return Panache.withTransaction(() -> Uni.createFrom().completionStage(work))
        .onFailure().transform(Failures::translate).subscribeAsCompletionStage();
  }

  @Override
  public <T> CompletionStage<T> read(Supplier<CompletionStage<T>> work) {
    return Panache.withSession(() -> Uni.createFrom().completionStage(work)).subscribeAsCompletionStage();
  }
}
