import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The machine's floor for run.sh: a bare Vert.x HTTP server (the same Vert.x and Netty as the service,
 * and as many event loops as Quarkus starts: two per core) that reads each request's body and answers one constant JSON document of the
 * size of a cached completion. No security, routing, JSON or Redis: what wrk at 50 connections can reach
 * on this machine at best, so the gateway's figures can be read against it.
 *
 * <p>Run with the source launcher on the service's own jars: {@code java -cp 'quarkus-app/lib/main/*' BareHttp.java PORT}.
 */
public final class BareHttp {

  private static final Buffer ANSWER = Buffer.buffer("{\"text\":\"Churn is when customers stop buying.\","
      + "\"finishReason\":\"stop\",\"model\":\"bench-model\",\"cache\":\"HIT\",\"cacheKey\":\"llm:bench-model:"
      + "9f2c4e0b7d1a3c5e8f6b2d4a1c3e5f7a9b0d2c4e6f8a1b3c5d7e9f0a2b4c6d8e\",\"promptTokens\":12,"
      + "\"completionTokens\":9,\"toolCalls\":[]}");

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new AbstractVerticle() {
      @Override
      public void start() {
        vertx.createHttpServer()
            .requestHandler(request -> request.body().onSuccess(body -> request.response()
                .putHeader("Content-Type", "application/json")
                .end(ANSWER)))
            .listen(port);
      }
    }, new DeploymentOptions().setInstances(2 * Runtime.getRuntime().availableProcessors()));
  }
}
