package dev.strata.agent.adapter.in.rest.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.agent.application.access.SignIn;
import dev.strata.agent.application.access.SignInRefused;
import dev.strata.agent.application.access.TooManyAttempts;
import dev.strata.agent.domain.access.TokenIssuer.IssuedToken;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.error.ProblemType;
import dev.strata.kernel.messaging.contract.AuditEvent.Outcome;
import dev.strata.kernel.value.SafeName;
import dev.strata.support.messaging.AuditTrail;
import dev.strata.support.problem.ProblemResponses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Exchanges a username and password, or an API key, for a bearer token (open: this is how one gets in). */
@Path("/auth/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {

  private static final Logger LOG = Logger.getLogger(AuthResource.class);
  private static final String RESOURCE = "POST /auth/token";

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

  AuthResource(SignIn signIn, AuditTrail audit) {
    this.signIn = signIn;
    this.audit = audit;
  }

  @POST
  @PermitAll
  public Uni<TokenView> token(@NotNull @Valid TokenRequest body) {
    Uni<IssuedToken> issued;
    if (body.apiKey() != null && body.username() == null && body.password() == null) {
      issued = signIn.withApiKey(body.apiKey());
    } else if (body.username() != null && body.password() != null && body.apiKey() == null) {
      issued = signIn.withPassword(SafeName.IDENTIFIER.require(body.username()), body.password());
    } else {
      throw new DomainException.Invalid("send either username and password, or apiKey");
    }
    return issued.map(token -> new TokenView(token.accessToken(), "Bearer", token.expiresIn()));
  }

  @ServerExceptionMapper
  public Response refused(SignInRefused e) {
    audited(e.actor(), "invalid credentials");
    return Response.fromResponse(ProblemResponses.of(ProblemType.UNAUTHORIZED, "invalid credentials"))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }

  @ServerExceptionMapper
  public Response tooMany(TooManyAttempts e) {
    audited(e.actor(), "too many failed sign-ins");
    return ProblemResponses.of(ProblemType.TOO_MANY_REQUESTS, e.getMessage());
  }

  private void audited(String actor, String reason) {
    audit.record(actor, "authenticate", RESOURCE, Outcome.FAILURE, null, Map.of("reason", reason))
        .exceptionally(failure -> {
          LOG.warnf("could not publish the audit of a failed sign-in: %s", failure.getMessage());
          return null;
        });
  }
}
