package dev.strata.agent.adapter.out.http;

import dev.strata.kernel.api.CustomerScores;
import dev.strata.kernel.api.ScoreRequest;
import dev.strata.support.security.ServiceTokenHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** scoring-service's batch scoring, as the {@code score} step calls it. */
@RegisterClientHeaders(ServiceTokenHeaders.class)
@RegisterRestClient(configKey = "scoring")
@Path("/scores/customers")
public interface ScoringApi {

  @POST
  Uni<CustomerScores> score(ScoreRequest request);
}
