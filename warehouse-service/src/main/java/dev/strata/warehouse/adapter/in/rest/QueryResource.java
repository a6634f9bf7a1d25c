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
  public Uni<QueryResult> run(@PathParam("name") String name, Map<String, Object> parameters) {
    return runNamedQuery.run(name, parameters);
  }
}
