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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
  @Operation(summary = "Ingest runs, newest first: their files, rows and promotion status (promoted, rejected or pending)")
  public Uni<List<RunOverview>> runs(
      @Parameter(description = "at most this many, newest first (default 100; taken as 1..1000)") @QueryParam("limit") String limit) {
    return ops.runs(Params.integer("limit", limit, 100));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/runs/{id}")
  @Operation(summary = "One ingest run: its files, rows and promotion status")
  public Uni<RunOverview> run(
      @Parameter(description = "the run's id: the ingest job id its files were announced under") @PathParam("id") String id) {
    return ops.run(id);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/layers")
  @Operation(summary = "Row counts of the silver and gold tables")
  public Uni<LayerSizes> layers() {
    return ops.layers();
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/file-ingestions")
  @Operation(summary = "The ledger of bronze files, newest first")
  public Uni<List<FileIngestion>> fileIngestions(
      @Parameter(description = "at most this many, newest first (default 100; taken as 1..1000)") @QueryParam("limit") String limit) {
    return ops.fileIngestions(Params.integer("limit", limit, 100));
  }
}
