package dev.strata.scoring.adapter.in.rest;

import dev.strata.kernel.error.ProblemType;
import dev.strata.scoring.adapter.out.http.WarehouseCustomerFeatures;
import dev.strata.support.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An open circuit means warehouse-service failed recently and is being left alone to recover: the
 * request may well succeed once the breaker lets calls through again, so 503 with {@code Retry-After}.
 */
public class OpenCircuitMapper {

  private static final Logger LOG = Logger.getLogger(OpenCircuitMapper.class);
  private static final String RETRY_AFTER = String.valueOf(WarehouseCustomerFeatures.BREAKER_DELAY_SECONDS);

  @ServerExceptionMapper
  public Response open(CircuitBreakerOpenException e) {
    LOG.warnf("answered 503, the circuit to warehouse-service is open: %s", e.getMessage());
    return Response.fromResponse(ProblemResponses.of(ProblemType.UNAVAILABLE,
            "warehouse-service failed repeatedly and is given time to recover; retry after " + RETRY_AFTER + " s"))
        .header("Retry-After", RETRY_AFTER).build();
  }
}
