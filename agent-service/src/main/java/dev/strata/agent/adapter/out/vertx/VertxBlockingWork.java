package dev.strata.agent.adapter.out.vertx;

import dev.strata.agent.application.BlockingWork;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * {@link BlockingWork} on Vert.x's worker pool. Called on a Vert.x context, the result is delivered
 * back on that context, where the request's reactive Hibernate session lives.
 */
public class VertxBlockingWork implements BlockingWork {

  private final Vertx vertx;

  public VertxBlockingWork(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public <T> CompletionStage<T> run(Supplier<T> work) {
    return vertx.executeBlocking(work::get, false).toCompletionStage();
  }
}
