package dev.strata.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.kernel.error.Problem;
import dev.strata.kernel.error.ProblemType;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 problem+json, like every
 * other client mistake. Quarkus's own check (route order {@value #QUARKUS_UPLOAD_LIMIT_ORDER}) ends
 * such a request with an empty body; this route runs just before it for bodies that declare their
 * length, and the failure handler covers a body streamed without one that the reader cut off.
 */
@ApplicationScoped
public class OversizedBodies {

  // io.quarkus.vertx.http.runtime.RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT (runtime-internal class)
  static final int QUARKUS_UPLOAD_LIMIT_ORDER = -2;

  private final long limit;
  private final byte[] body;

  OversizedBodies(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
      ObjectMapper json) throws JsonProcessingException {
    this.limit = limit.asLongValue();
    this.body = json.writeValueAsBytes(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
        "the request body is larger than the " + this.limit + "-byte limit; send it in smaller parts"));
  }

  void install(@Observes Router router) {
    router.route().order(QUARKUS_UPLOAD_LIMIT_ORDER - 1).handler(this::refuseDeclaredOversize);
    router.route().failureHandler(this::answerCutOffBody);
  }

  private void refuseDeclaredOversize(RoutingContext context) {
    if (declaredLength(context) > limit) {
      // the body is never read: close the connection rather than drain it, as Quarkus does
      context.response().putHeader(HttpHeaderNames.CONNECTION, "close");
      answer(context);
    } else {
      context.next();
    }
  }

  private void answerCutOffBody(RoutingContext context) {
    if (context.statusCode() == ProblemType.PAYLOAD_TOO_LARGE.status() && !context.response().headWritten()) {
      answer(context);
    } else {
      context.next();
    }
  }

  private void answer(RoutingContext context) {
    context.response()
        .setStatusCode(ProblemType.PAYLOAD_TOO_LARGE.status())
        .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(Buffer.buffer(body));
  }

  private static long declaredLength(RoutingContext context) {
    String header = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
    try {
      return header == null ? -1 : Long.parseLong(header.trim());
    } catch (NumberFormatException notANumber) {
      return -1; // Netty refuses a malformed length before routing; nothing to decide here
    }
  }
}
