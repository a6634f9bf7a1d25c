package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.config.FilesConfig;
import dev.strata.kernel.error.Problem;
import dev.strata.kernel.error.ProblemType;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Two body limits on one server: uploads may be as large as {@code agent.files.max-size}, every
 * other body at most {@code agent.http.max-body-size}. Quarkus has one global limit
 * ({@code quarkus.http.limits.max-body-size}, the outer one); these routes tighten it per path.
 * A declared {@code Content-Length} over the limit is answered 413 problem+json before anything
 * is read; a chunked body gets the inner limit that Quarkus REST enforces while reading (the
 * upload's own limit is enforced by the file store while streaming).
 */
@ApplicationScoped
public class BodyLimits {

  /** Quarkus' own routing-context key for the limit of a body without Content-Length. */
  static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";
  private static final Pattern UPLOAD = Pattern.compile("/(sessions|executions)/[^/]+/attachments/?");

  private final long uploadLimit;
  private final long bodyLimit;

  BodyLimits(FilesConfig config) {
    this.uploadLimit = config.files().maxSize().asLongValue();
    this.bodyLimit = config.http().maxBodySize().asLongValue();
  }

  void install(@Observes Router router) {
    // before Quarkus' own check (ROUTE_ORDER_UPLOAD_LIMIT) so a refusal is problem+json, and after it
    // for chunked bodies, where Quarkus stores the global limit and we replace it by the inner one
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseDeclaredOversize);
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::limitChunkedBody);
  }

  private void refuseDeclaredOversize(RoutingContext ctx) {
    String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    long limit = limitOf(ctx);
    if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
        && Long.parseLong(declared) > limit) {
      var problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "request body is larger than the limit of " + limit + " bytes");
      // the unread body is not drained: the connection is closed after this answer
      ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
          .putHeader(HttpHeaders.CONNECTION, "close").end(Json.encode(problem));
      return;
    }
    ctx.next();
  }

  private void limitChunkedBody(RoutingContext ctx) {
    if (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null && !isUpload(ctx)) {
      ctx.put(MAX_REQUEST_SIZE_KEY, bodyLimit);
    }
    ctx.next();
  }

  private long limitOf(RoutingContext ctx) {
    return isUpload(ctx) ? uploadLimit : bodyLimit;
  }

  private static boolean isUpload(RoutingContext ctx) {
    return ctx.request().method() == HttpMethod.POST && UPLOAD.matcher(ctx.normalizedPath()).matches();
  }
}
