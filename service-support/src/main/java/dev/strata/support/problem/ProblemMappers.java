package dev.strata.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.error.Problem;
import dev.strata.kernel.error.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a REST call into {@code application/problem+json}: client mistakes are
 * 4xx with a precise detail, a lost connection to a server the service needs is a 503 with
 * {@code Retry-After} (the pool reconnects; the same request is likely to succeed), anything else is a
 * 500 that names an incident id and hides internals.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  /** Seconds: long enough for a pool to open a new connection, short enough for an interactive client. */
  static final String RETRY_AFTER = "2";

  @ServerExceptionMapper
  public Response domain(DomainException e) {
    return ProblemResponses.of(e.problemType(), e.getMessage());
  }

  @ServerExceptionMapper
  public Response unknownField(UnrecognizedPropertyException e) {
    return ProblemResponses.of(
        ProblemType.MALFORMED_REQUEST,
        "unknown field '" + e.getPropertyName() + "'",
        List.of(new Problem.Violation(path(e), "unknown field")));
  }

  // quarkus-rest-jackson maps MismatchedInputException (a wrong enum value, a string for a number)
  // itself with a plain JSON body; this more specific mapper, at a higher priority, keeps problem+json.
  @ServerExceptionMapper(priority = 1)
  public Response mismatchedInput(MismatchedInputException e) {
    return e instanceof UnrecognizedPropertyException unknown ? unknownField(unknown) : unreadableJson(e);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonMappingException e) {
    return ProblemResponses.of(
        ProblemType.MALFORMED_REQUEST,
        "request body does not fit the expected shape at '" + path(e) + "'",
        List.of(new Problem.Violation(path(e), e.getOriginalMessage())));
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e) {
    return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, "request body is not valid JSON: " + e.getOriginalMessage());
  }

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e) {
    List<Problem.Violation> violations =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.Violation(leaf(v.getPropertyPath().toString()), v.getMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .collect(Collectors.toList());
    return ProblemResponses.of(ProblemType.INVALID_REQUEST, "request is invalid", violations);
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthenticated(RuntimeException e) {
    return Response.fromResponse(ProblemResponses.of(ProblemType.UNAUTHORIZED, "a valid bearer token is required"))
        .header("WWW-Authenticate", "Bearer").build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return ProblemResponses.of(ProblemType.FORBIDDEN, "the token's roles do not allow this");
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return internal(e);
    }
    // an unparsable body reaches us wrapped in a plain 400
    if (e.getCause() instanceof JsonProcessingException unparsable) {
      return malformedJson(unparsable);
    }
    return ProblemResponses.of(ProblemType.ofStatus(status), e.getMessage());
  }

  @ServerExceptionMapper
  public Response internal(Throwable e) {
    if (ConnectionLoss.causes(e)) {
      LOG.warnf("answered 503, a connection was lost: %s", e.getMessage());
      return Response.fromResponse(ProblemResponses.of(ProblemType.UNAVAILABLE,
              "a connection this service needs was lost; retry after " + RETRY_AFTER + " s"))
          .header("Retry-After", RETRY_AFTER).build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.errorf(e, "incident %s: unhandled failure", incident);
    return ProblemResponses.of(ProblemType.INTERNAL, "unexpected failure; incident " + incident);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  /** {@code create.arg0.name} → {@code name}: the parameter position means nothing to a client. */
  private static String leaf(String propertyPath) {
    String[] parts = propertyPath.split("\\.");
    return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
  }
}
