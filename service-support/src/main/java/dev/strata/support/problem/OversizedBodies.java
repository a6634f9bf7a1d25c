package dev.strata.support.problem;

import dev.strata.kernel.error.Problem;
import dev.strata.kernel.error.ProblemType;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enforces the {@link BodyLimit} of each request and answers a body over it with a 413 problem+json,
 * like every other client mistake. Quarkus's own check (route order {@value #QUARKUS_UPLOAD_LIMIT_ORDER})
 * knows one global limit and ends such a request with an empty body. A body that declares its length
 * is refused just before that check, before anything is read. A body streamed without one (chunked),
 * or compressed (its inflated size is what counts), is read whole, up to the request's limit, before
 * the resource runs, so that going over it fails the route with a 413 that the failure handler still
 * answers as problem+json; Quarkus's own reader would find out mid-read, after sending a status-only
 * 413. Bodies the application counts itself while streaming (uploads), and forms, which Quarkus REST
 * parses itself, are left to them.
 */
@ApplicationScoped
public class OversizedBodies {

  // io.quarkus.vertx.http.runtime.RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT
  static final int QUARKUS_UPLOAD_LIMIT_ORDER = -2;

  private final BodyLimit limits;

  OversizedBodies(BodyLimit limits) {
    this.limits = limits;
  }

  @Produces
  @DefaultBean
  @ApplicationScoped
  static BodyLimit globalLimit(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
    long bytes = limit.asLongValue();
    return request -> bytes;
  }

  void install(@Observes Router router) {
    router.route().order(QUARKUS_UPLOAD_LIMIT_ORDER - 1).handler(this::refuseDeclaredOversize);
    router.route().order(QUARKUS_UPLOAD_LIMIT_ORDER + 1).handler(this::limitStreamedBody);
    router.route().failureHandler(this::answerCutOffBody);
  }

  private void refuseDeclaredOversize(RoutingContext context) {
    long limit = limits.bytesFor(context.request());
    if (declaredLength(context) > limit) {
      // the body is never read: close the connection rather than drain it, as Quarkus does; HTTP/2
      // forbids the header (a client refuses the whole answer), and ends only this request's stream
      if (context.request().version() != HttpVersion.HTTP_2) {
        context.response().putHeader(HttpHeaderNames.CONNECTION, "close");
      }
      answer(context, limit);
    } else {
      context.next();
    }
  }

  private void limitStreamedBody(RoutingContext context) {
    HttpServerRequest request = context.request();
    if ((unknownLength(request) || compressed(request)) && !form(request) && !limits.countedWhileStreaming(request)) {
      // the body is read whole, up to the limit, before the resource runs: Quarkus's reader would find
      // it too large mid-read, after sending a status-only 413
      BodyHandler.create(false).setBodyLimit(limits.bytesFor(request)).handle(context);
    } else {
      context.next();
    }
  }

  private static boolean unknownLength(HttpServerRequest request) {
    return request.getHeader(HttpHeaderNames.TRANSFER_ENCODING) != null
        && request.getHeader(HttpHeaderNames.CONTENT_LENGTH) == null;
  }

  /** Forms are parsed by Quarkus REST itself, from the request as it arrives; read here, they would be gone. */
  private static boolean form(HttpServerRequest request) {
    String type = request.getHeader(HttpHeaderNames.CONTENT_TYPE);
    return type != null && (type.regionMatches(true, 0, "multipart/", 0, 10)
        || type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33));
  }

  /** A compressed body's declared length says nothing about the inflated bytes the limit counts. */
  private static boolean compressed(HttpServerRequest request) {
    String encoding = request.getHeader(HttpHeaderNames.CONTENT_ENCODING);
    return encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim());
  }

  private void answerCutOffBody(RoutingContext context) {
    if (context.statusCode() == ProblemType.PAYLOAD_TOO_LARGE.status() && !context.response().headWritten()) {
      answer(context, limits.bytesFor(context.request()));
    } else {
      context.next();
    }
  }

  private static void answer(RoutingContext context, long limit) {
    Problem problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
        "the request body is larger than the " + limit + "-byte limit; send it in smaller parts");
    context.response()
        .setStatusCode(ProblemType.PAYLOAD_TOO_LARGE.status())
        .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(Json.encode(problem));
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
