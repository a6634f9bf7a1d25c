package dev.strata.warehouse.adapter.in.rest;

import dev.strata.warehouse.domain.ledger.LayerSizes;
import dev.strata.warehouse.application.OpsQueries;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.RunOverview;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The operations UI's read models: ingest runs and the bronze file ledger. */
@Path("/ops")
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

  private final OpsQueries ops;

  OpsResource(OpsQueries ops) {
    this.ops = ops;
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/runs")
  public Uni<List<RunOverview>> runs(@QueryParam("limit") String limit) {
    return ops.runs(Params.integer("limit", limit, 100));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/runs/{id}")
  public Uni<RunOverview> run(@PathParam("id") String id) {
    return ops.run(id);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/layers")
  public Uni<LayerSizes> layers() {
    return ops.layers();
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/file-ingestions")
  public Uni<List<FileIngestion>> fileIngestions(@QueryParam("limit") String limit) {
    return ops.fileIngestions(Params.integer("limit", limit, 100));
  }
}
