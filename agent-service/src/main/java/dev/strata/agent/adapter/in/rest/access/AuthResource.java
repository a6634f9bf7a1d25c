package dev.strata.agent.adapter.in.rest.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.agent.application.access.SignIn;
import dev.strata.agent.application.access.SignInRefused;
import dev.strata.agent.application.access.SignInUnavailable;
import dev.strata.agent.application.access.TooManyAttempts;
import dev.strata.agent.domain.access.TokenIssuer.IssuedToken;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.error.ProblemType;
import dev.strata.kernel.messaging.contract.AuditEvent.Outcome;
import dev.strata.kernel.value.SafeName;
import dev.strata.support.messaging.AuditTrail;
import dev.strata.support.problem.ProblemResponses;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Exchanges a username and password, or an API key, for a bearer token (open: this is how one gets in);
 * and a Strata service's name and the shared service secret (HTTP Basic) for the service's own token.
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {

  private static final Logger LOG = Logger.getLogger(AuthResource.class);

  /** Either {@code username} + {@code password}, or {@code apiKey}. */
  public record TokenRequest(@Size(max = 64) String username, @Size(max = 256) String password, @Size(max = 256) String apiKey) {
    // the password and key must never reach a log line or an error body
    @Override
    public String toString() {
      return "TokenRequest[" + username + "]";
    }
  }

  /** OAuth-style answer. */
  public record TokenView(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn) {}

  private final SignIn signIn;
  private final AuditTrail audit;
  private final FailedSignInAudit failures;

  AuthResource(SignIn signIn, AuditTrail audit, FailedSignInAudit failures) {
    this.signIn = signIn;
    this.audit = audit;
    this.failures = failures;
  }

  @POST
  @Path("/token")
  @PermitAll
  @Operation(summary = "Exchange a username and password, or an API key, for a bearer token",
      description = "Open: no token needed. Send either `username` and `password`, or `apiKey`, never both. Wrong credentials are a 401; "
          + "failed password sign-ins are limited per window (429 beyond).")
  public Uni<TokenView> token(@NotNull @Valid TokenRequest body, @Context HttpServerRequest request) {
    String source = source(request);
    Uni<IssuedToken> issued;
    if (body.apiKey() != null && body.username() == null && body.password() == null) {
      issued = signIn.withApiKey(body.apiKey());
    } else if (body.username() != null && body.password() != null && body.apiKey() == null) {
      issued = signIn.withPassword(SafeName.IDENTIFIER.require(body.username()), body.password(), source);
    } else {
      throw new DomainException.Invalid("send either username and password, or apiKey");
    }
    return issued.invoke(token -> succeeded(token.subject(), source, request))
        .map(token -> new TokenView(token.accessToken(), "Bearer", token.expiresIn()));
  }

  /** {@code Authorization: Basic base64(<service name>:<service secret>)}; no body. */
  @POST
  @Path("/service-token")
  @PermitAll
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Exchange a Strata service's name and the shared service secret (HTTP Basic) for that service's own bearer token",
      description = "Open: no token needed. `Authorization: Basic base64(<service name>:<service secret>)`, no body. "
          + "The token has role service and a short lifetime (15 minutes by default); a wrong secret is a 401.")
  public TokenView serviceToken(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest request) {
    BasicCredentials credentials = BasicCredentials.parse(authorization);
    IssuedToken token = signIn.asService(credentials.name(), credentials.secret());
    succeeded(token.subject(), source(request), request);
    return new TokenView(token.accessToken(), "Bearer", token.expiresIn());
  }

  @ServerExceptionMapper
  public Response refused(SignInRefused e, HttpServerRequest request) {
    failures.failed(e.actor(), source(request), "invalid credentials", resource(request));
    return Response.fromResponse(ProblemResponses.of(ProblemType.UNAUTHORIZED, "invalid credentials"))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }

  @ServerExceptionMapper
  public Response tooMany(TooManyAttempts e, HttpServerRequest request) {
    failures.failed(e.actor(), source(request), "too many failed sign-ins", resource(request));
    return ProblemResponses.of(ProblemType.TOO_MANY_REQUESTS, e.getMessage());
  }

  /** The attempt counter is out of reach: refuse rather than let guesses through uncounted. */
  @ServerExceptionMapper
  public Response unavailable(SignInUnavailable e) {
    LOG.warnf("password sign-in refused: the attempt counter did not answer (%s)", e.getCause() == null ? "-" : e.getCause().toString());
    return Response.fromResponse(ProblemResponses.of(ProblemType.UNAVAILABLE, e.getMessage())).header(HttpHeaders.RETRY_AFTER, "10").build();
  }

  private void succeeded(String subject, String source, HttpServerRequest request) {
    audit.recordDone(subject, "authenticate", resource(request), Outcome.SUCCESS, null, Map.of("source", source));
  }

  private static String resource(HttpServerRequest request) {
    return "POST " + request.path();
  }

  /** The peer's address (behind a proxy, the one quarkus.http.proxy settings make it). */
  private static String source(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }
}
