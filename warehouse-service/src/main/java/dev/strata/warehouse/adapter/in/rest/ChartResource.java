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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
  @Operation(summary = "Build a Vega-Lite v5 chart spec from gold: closing prices, traded volume or daily usage events")
  public Uni<Map<String, Object>> chart(
      @Parameter(description = "the chart: close (line), volume (bars) or usage (area)") @PathParam("name") String name,
      @Parameter(description = "what to plot, repeatable, at most 20: symbols for close and volume, customer ids for usage; "
          + "absent, every symbol (close, volume) or all customers summed (usage)") @QueryParam("series") List<String> series,
      @Parameter(description = "the bars' frame for close and volume (default 1d)") @QueryParam("frame") @DefaultValue("1d") String frame,
      @Parameter(description = "from this instant on, inclusive: an ISO-8601 instant or date (a date is midnight UTC)")
      @QueryParam("from") String from,
      @Parameter(description = "up to this instant, exclusive: an ISO-8601 instant or date (a date is midnight UTC)") @QueryParam("to") String to) {
    return buildChart.run(name, series == null ? List.of() : series, frame, Params.instant("from", from),
        Params.instant("to", to));
  }
}
