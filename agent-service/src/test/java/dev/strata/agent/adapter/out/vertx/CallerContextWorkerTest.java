package dev.strata.agent.adapter.out.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unit of work finds its connection in a local of the caller's duplicated context: a blocking body runs
 * on a worker, and whoever chains on its stage runs back on that context, seeing its locals.
 */
class CallerContextWorkerTest {

  private static Vertx vertx;

  /** Where the body ran, and where (and with which local) the stage's continuation ran. */
  private record Seen(Object outcome, boolean bodyOnWorker, Context completedOn, boolean onEventLoop, Object local) {}

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void theBodyRunsOnAWorkerAndItsResultIsDeliveredOnTheCallersContext() throws Exception {
    Context caller = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    Seen seen = runOn(caller, () -> "done");
    assertThat(seen).isEqualTo(new Seen("done", true, caller, true, "the unit's connection"));
  }

  @Test
  void whatTheBodyThrowsIsDeliveredOnTheCallersContextToo() throws Exception {
    Context caller = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    IllegalStateException broken = new IllegalStateException("disk full");
    Seen seen = runOn(caller, () -> {
      throw broken;
    });
    assertThat(seen).isEqualTo(new Seen(broken, true, caller, true, "the unit's connection"));
  }

  private static Seen runOn(Context caller, Callable<Object> body) throws Exception {
    var seen = new CompletableFuture<Seen>();
    var bodyOnWorker = new boolean[1];
    caller.runOnContext(ignored -> {
      caller.putLocal("connection", "the unit's connection");
      new CallerContextWorker(vertx).run(() -> {
        bodyOnWorker[0] = Context.isOnWorkerThread();
        return body.call();
      }).whenComplete((result, failure) -> seen.complete(new Seen(failure == null ? result : failure, bodyOnWorker[0],
          Vertx.currentContext(), Context.isOnEventLoopThread(), Vertx.currentContext() == null ? null : Vertx.currentContext().getLocal("connection"))));
    });
    return seen.get(10, TimeUnit.SECONDS);
  }
}
