package dev.strata.warehouse.adapter.in.rest;

import dev.strata.warehouse.application.BuildChart;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Vega-Lite chart specs built from gold: {@code close}, {@code volume}, {@code usage}. */
@Path("/charts")
@Produces(MediaType.APPLICATION_JSON)
public class ChartResource {

  private final BuildChart buildChart;

  ChartResource(BuildChart buildChart) {
    this.buildChart = buildChart;
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{name}")
  public Uni<Map<String, Object>> chart(@PathParam("name") String name, @QueryParam("series") List<String> series,
      @QueryParam("frame") @DefaultValue("1d") String frame, @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return buildChart.run(name, series == null ? List.of() : series, frame, Params.instant("from", from),
        Params.instant("to", to));
  }
}
