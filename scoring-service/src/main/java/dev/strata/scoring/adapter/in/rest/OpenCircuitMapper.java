package dev.strata.scoring.adapter.in.rest;

import dev.strata.kernel.error.ProblemType;
import dev.strata.scoring.domain.customer.CustomerFeaturesUnavailable;
import dev.strata.support.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An open circuit means warehouse-service failed recently and is being left alone to recover: the
 * request may well succeed once the breaker lets calls through again, so 503 with {@code Retry-After}.
 */
public class OpenCircuitMapper {

  private static final Logger LOG = Logger.getLogger(OpenCircuitMapper.class);

  @ServerExceptionMapper
  public Response open(CustomerFeaturesUnavailable e) {
    LOG.warnf("answered 503, the circuit to warehouse-service is open: %s", e.getMessage());
    String retryAfter = String.valueOf(e.retryAfter().toSeconds());
    return Response.fromResponse(ProblemResponses.of(ProblemType.UNAVAILABLE, e.getMessage() + "; retry after " + retryAfter + " s"))
        .header("Retry-After", retryAfter).build();
  }
}
