package dev.strata.scoring.adapter.in.rest;

import dev.strata.kernel.api.CustomerScores;
import dev.strata.kernel.api.ScoreRequest;
import dev.strata.kernel.security.Roles;
import dev.strata.scoring.application.ScoreCustomers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Churn probability and monthly revenue at risk for customers (used by agent workflows). */
@Path("/scores")
@Tag(name = "Scores")
public class ScoresResource {

  private final ScoreCustomers scoreCustomers;

  public ScoresResource(ScoreCustomers scoreCustomers) {
    this.scoreCustomers = scoreCustomers;
  }

  @POST
  @RolesAllowed(Roles.OPERATOR)
  @Path("customers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public CustomerScores customers(@NotNull ScoreRequest request) {
    return scoreCustomers.score(request);
  }
}
