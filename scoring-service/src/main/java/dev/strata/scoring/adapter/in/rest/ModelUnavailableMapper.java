package dev.strata.scoring.adapter.in.rest;

import dev.strata.kernel.error.ProblemType;
import dev.strata.scoring.domain.model.ModelUnavailable;
import dev.strata.support.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A model that cannot serve is the service's trouble, not the client's: 503 problem+json. */
public class ModelUnavailableMapper {

  @ServerExceptionMapper
  public Response unavailable(ModelUnavailable e) {
    return ProblemResponses.of(ProblemType.UNAVAILABLE, e.getMessage());
  }
}
