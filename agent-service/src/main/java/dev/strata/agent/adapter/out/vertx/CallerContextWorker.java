package dev.strata.agent.adapter.out.vertx;

import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * Runs an adapter's blocking body (file I/O, password hashing) on Vert.x's worker pool and completes its
 * stage back on the calling Vert.x context (a new one when the caller has none). A use case chains database
 * work after such a port, and the unit of work keeps its connection in the caller's duplicated context: the
 * chain must resume there, not on the worker thread.
 */
public final class CallerContextWorker {

  private final Vertx vertx;

  public CallerContextWorker(Vertx vertx) {
    this.vertx = vertx;
  }

  /** {@code body}'s result, or what it threw, delivered on the caller's context. */
  public <T> CompletionStage<T> run(Callable<T> body) {
    // unordered: independent bodies started from one context need not wait for each other
    return vertx.executeBlocking(body, false).toCompletionStage();
  }
}
