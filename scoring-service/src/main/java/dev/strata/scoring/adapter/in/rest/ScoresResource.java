package dev.strata.scoring.adapter.in.rest;

import dev.strata.kernel.api.CustomerScores;
import dev.strata.kernel.api.ScoreRequest;
import dev.strata.kernel.security.Roles;
import dev.strata.scoring.application.ScoreCustomers;
import dev.strata.scoring.application.ScoreCustomersInBackground;
import dev.strata.scoring.domain.scoring.ScoringJob;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Churn probability and monthly revenue at risk for customers (used by agent workflows). The
 * answer is synchronous unless the caller sends {@code Prefer: respond-async} (RFC 7240): then
 * 202 and a job to poll for chunk progress and, at the end, the same scores.
 */
@Path("/scores")
@Tag(name = "Scores")
public class ScoresResource {

  private final ScoreCustomers scoreCustomers;
  private final ScoreCustomersInBackground background;

  public ScoresResource(ScoreCustomers scoreCustomers, ScoreCustomersInBackground background) {
    this.scoreCustomers = scoreCustomers;
    this.background = background;
  }

  @POST
  @RolesAllowed(Roles.OPERATOR)
  @Path("customers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @APIResponseSchema(value = CustomerScores.class, responseCode = "200",
      responseDescription = "the scores; with Prefer: respond-async, 202 and the ScoringJob instead")
  @Operation(summary = "Score customers with the champion models: churn probability and monthly revenue at risk",
      description = "Send `customerIds`, or `all: true` for every active customer; unknown ids are left out of the answer. "
          + "Synchronous by default. With `Prefer: respond-async` (RFC 7240) the request is validated, then answered 202 at once "
          + "with a job to poll at Location (`/scores/jobs/{id}`) and `Preference-Applied: respond-async`.")
  public Uni<Response> customers(@NotNull ScoreRequest request,
      @Parameter(description = "respond-async: answer 202 with a job to poll instead of waiting for the scores")
      @HeaderParam("Prefer") String prefer) {
    if (respondAsync(prefer)) {
      return background.start(request).map(job -> Response.accepted(job).location(URI.create("/scores/jobs/" + job.id()))
          .header("Preference-Applied", "respond-async").build());
    }
    return scoreCustomers.score(request).map(scores -> Response.ok(scores).build());
  }

  @GET
  @RolesAllowed(Roles.OPERATOR)
  @Path("jobs/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Get an asynchronous scoring job: chunks and rows done so far, then the scores or the error")
  public Uni<ScoringJob> job(
      @Parameter(description = "the scoring job's id (a UUID), as the Location of the 202 names it") @PathParam("id") String id) {
    return background.job(id);
  }

  /** {@code Prefer} may list several preferences, comma-separated, in any case. */
  private static boolean respondAsync(String prefer) {
    if (prefer == null) {
      return false;
    }
    for (String preference : prefer.split(",")) {
      if (preference.strip().toLowerCase(Locale.ROOT).startsWith("respond-async")) {
        return true;
      }
    }
    return false;
  }
}
