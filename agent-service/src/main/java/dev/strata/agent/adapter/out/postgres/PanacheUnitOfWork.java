package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.shared.UnitOfWork;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One reactive Hibernate session (and transaction, for writes) shared by every repository call in
 * it. Hibernate Reactive only runs on a Vert.x context; a unit of work that starts elsewhere (after
 * an HTTP client answered, a retry backoff, a timeout) hops onto a fresh duplicated context first.
 */
public class PanacheUnitOfWork implements UnitOfWork {

  private final Vertx vertx;

  public PanacheUnitOfWork(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public <T> CompletionStage<T> write(Supplier<CompletionStage<T>> work) {
    return onContext(() -> Panache.withTransaction(() -> Uni.createFrom().completionStage(work))
        .onFailure().transform(Failures::translate).subscribeAsCompletionStage());
  }

  @Override
  public <T> CompletionStage<T> read(Supplier<CompletionStage<T>> work) {
    return onContext(() -> Panache.withSession(() -> Uni.createFrom().completionStage(work)).subscribeAsCompletionStage());
  }

  private <T> CompletionStage<T> onContext(Supplier<CompletionStage<T>> work) {
    if (VertxContext.isOnDuplicatedContext()) {
      return work.get();
    }
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    // a fresh duplicated context belongs to this unit of work alone: safe for a Hibernate session
    VertxContextSafetyToggle.setContextSafe(context, true);
    CompletableFuture<T> done = new CompletableFuture<>();
    context.runOnContext(ignored -> {
      try {
        work.get().whenComplete((value, failure) -> {
          if (failure != null) {
            done.completeExceptionally(failure);
          } else {
            done.complete(value);
          }
        });
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }
}
