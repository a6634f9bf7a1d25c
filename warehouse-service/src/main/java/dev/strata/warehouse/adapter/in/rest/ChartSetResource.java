package dev.strata.warehouse.adapter.in.rest;

import dev.strata.kernel.security.Roles;
import dev.strata.warehouse.application.ManageChartSets;
import dev.strata.warehouse.domain.chart.ChartSets.StoredChartSet;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;

/** Chart sets: named JSON documents of charts the UI shows together, each drawn as Vega-Lite from gold. */
@Path("/chart-sets")
@Produces(MediaType.APPLICATION_JSON)
public class ChartSetResource {

  private final ManageChartSets chartSets;

  ChartSetResource(ManageChartSets chartSets) {
    this.chartSets = chartSets;
  }

  /** A stored chart set: its document as stored (canonical: defaults filled in), version and times. */
  public record ChartSetView(String name, int version, Instant createdAt, Instant updatedAt, Map<String, Object> document) {
    static ChartSetView of(StoredChartSet stored) {
      return new ChartSetView(stored.set().name(), stored.version(), stored.createdAt(), stored.updatedAt(),
          stored.set().document());
    }
  }

  /** One line of the list. */
  public record ChartSetSummary(String name, String title, int charts, int version, Instant updatedAt) {}

  @RolesAllowed(Roles.OPERATOR)
  @PUT
  @Path("/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Store a chart set under its name (201 when new, 200 when it replaced one)",
      description = "The body is a JSON object: `title`, optional `description`, and `charts` (1 to 12), each with `measure` "
          + "(close, volume or usage), optional `mark` (line, area or bar; default the measure's), `title`, `series` (at most 20 "
          + "symbols, or customer ids for usage; default all), `frame` (default 1d), `from` and `to` (ISO instants or dates). "
          + "Anything else, or a root that is not an object, is 422 naming where; a body over warehouse.http.chart-set-max-size "
          + "(64K) is 413.")
  public Uni<RestResponse<ChartSetView>> put(
      @Parameter(description = "the set's name: a lower-case identifier") @PathParam("name") String name, Object document) {
    return chartSets.save(name, document).map(stored -> RestResponse.status(
        stored.version() == 1 ? RestResponse.Status.CREATED : RestResponse.Status.OK, ChartSetView.of(stored)));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Operation(summary = "Chart sets by name: title, number of charts, version")
  public Uni<List<ChartSetSummary>> list(
      @Parameter(description = "at most this many (default 100; taken as 1..1000)") @QueryParam("limit") String limit) {
    return chartSets.list(Params.integer("limit", limit, 100)).map(sets -> sets.stream()
        .map(stored -> new ChartSetSummary(stored.set().name(), stored.set().title(), stored.set().charts().size(),
            stored.version(), stored.updatedAt())).toList());
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{name}")
  @Operation(summary = "One chart set's document, version and times")
  public Uni<ChartSetView> get(@Parameter(description = "the set's name") @PathParam("name") String name) {
    return chartSets.find(name).map(ChartSetView::of);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{name}/charts")
  @Operation(summary = "Draw a chart set: one Vega-Lite v5 spec per chart, from gold, with its mark, hover rule and date range")
  public Uni<ManageChartSets.Drawn> draw(
      @Parameter(description = "the set's name") @PathParam("name") String name,
      @Parameter(description = "from this instant on, for every chart instead of its own: an ISO-8601 instant or date")
      @QueryParam("from") String from,
      @Parameter(description = "up to this instant, exclusive, for every chart instead of its own: an ISO-8601 instant or date")
      @QueryParam("to") String to) {
    return chartSets.draw(name, Params.instant("from", from), Params.instant("to", to));
  }

  @RolesAllowed(Roles.OPERATOR)
  @DELETE
  @Path("/{name}")
  @Operation(summary = "Delete a chart set (204; 404 when there is none)")
  public Uni<Void> delete(@Parameter(description = "the set's name") @PathParam("name") String name) {
    return chartSets.delete(name);
  }
}
