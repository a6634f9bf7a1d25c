package dev.strata.warehouse.adapter.in.rest;

import dev.strata.kernel.api.QueryResult;
import dev.strata.warehouse.application.RunNamedQuery;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Named warehouse queries: {@code active-customers}, {@code at-risk-customers}, {@code top-symbols}. */
@Path("/queries")
@Produces(MediaType.APPLICATION_JSON)
public class QueryResource {

  private final RunNamedQuery runNamedQuery;

  QueryResource(RunNamedQuery runNamedQuery) {
    this.runNamedQuery = runNamedQuery;
  }

  @RolesAllowed(Roles.READER)
  @POST
  @Path("/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Run a named warehouse query with the body's JSON parameters; it changes nothing",
      description = "Queries: `active-customers` (`limit` 1..10000, default 100), `at-risk-customers` (`limit`, default 20: active "
          + "customers ranked by risk points) and `top-symbols` (`frame`, default 1d, and `limit`, default 10: symbols by traded "
          + "value in gold bars). An unknown name is a 404, bad parameters a 422.")
  public Uni<QueryResult> run(
      @Parameter(description = "the query: active-customers, at-risk-customers or top-symbols") @PathParam("name") String name,
      Map<String, Object> parameters) {
    return runNamedQuery.run(name, parameters);
  }
}
