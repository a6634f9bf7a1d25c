package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.shared.UnitOfWork;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A unit of work on one connection of the pool (a transaction for writes): the repositories of this
 * package send their statements on that connection directly. The connection travels in a local of the
 * unit's own duplicated context, so concurrent units never see each other's.
 */
public class PostgresUnitOfWork implements UnitOfWork {

  static final String CONNECTION = PostgresUnitOfWork.class.getName() + ".connection";
  /** Set by a write of outbox rows, so that the relay is nudged once the transaction committed them. */
  static final String OUTBOX_WRITTEN = PostgresUnitOfWork.class.getName() + ".outbox";

  private final Pool pool;
  private final Vertx vertx;
  private final Runnable outboxCommitted;

  /** @param outboxCommitted nudges the outbox relay after a transaction that wrote outbox rows committed */
  public PostgresUnitOfWork(Pool pool, Vertx vertx, Runnable outboxCommitted) {
    this.pool = pool;
    this.vertx = vertx;
    this.outboxCommitted = outboxCommitted;
  }

  @Override
  public <T> CompletionStage<T> write(Supplier<CompletionStage<T>> work) {
    return onContext(context -> pool.withTransaction(connection -> within(context, connection, work)).andThen(committed -> {
      if (context.removeLocal(OUTBOX_WRITTEN) && committed.succeeded()) {
        outboxCommitted.run();
      }
    }));
  }

  @Override
  public <T> CompletionStage<T> read(Supplier<CompletionStage<T>> work) {
    return onContext(context -> pool.withConnection(connection -> within(context, connection, work)));
  }

  private static <T> Future<T> within(Context context, SqlConnection connection, Supplier<CompletionStage<T>> work) {
    context.putLocal(CONNECTION, connection);
    Future<T> done;
    try {
      done = Future.fromCompletionStage(work.get(), context);
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    return done.andThen(ignored -> context.removeLocal(CONNECTION));
  }

  /**
   * On the caller's duplicated context when it has one and no unit of work of this kind is open on
   * it; otherwise on a fresh one (a unit that starts after a timer or an HTTP client answered).
   */
  private <T> CompletionStage<T> onContext(Function<Context, Future<T>> work) {
    Context current = Vertx.currentContext();
    Future<T> done;
    if (current != null && VertxContext.isDuplicatedContext(current) && current.getLocal(CONNECTION) == null) {
      done = work.apply(current);
    } else {
      Context fresh = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
      VertxContextSafetyToggle.setContextSafe(fresh, true);
      Promise<T> promise = Promise.promise();
      fresh.runOnContext(ignored -> {
        try {
          work.apply(fresh).onComplete(promise);
        } catch (RuntimeException e) {
          promise.fail(e);
        }
      });
      done = promise.future();
    }
    return Sql.translated(done).toCompletionStage();
  }
}
