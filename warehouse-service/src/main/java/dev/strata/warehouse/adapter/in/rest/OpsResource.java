package dev.strata.warehouse.adapter.in.rest;

import dev.strata.warehouse.domain.ledger.LayerSizes;
import dev.strata.kernel.error.DomainException;
import dev.strata.warehouse.application.CompactLake;
import dev.strata.warehouse.application.OpsQueries;
import dev.strata.warehouse.domain.compaction.Compaction;
import dev.strata.warehouse.application.RetryRejectedFile;
import dev.strata.warehouse.domain.ledger.LayerWatermark;
import dev.strata.warehouse.domain.ledger.PromotionRun;
import dev.strata.warehouse.domain.promotion.PromotionOutcome;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.RunOverview;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The operations UI's read models: ingest runs (by day too), the bronze file ledger with why a file was
 * rejected, promotions, watermarks and lake compactions; another try for a rejected file, a compaction now.
 */
@Path("/ops")
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

  private final OpsQueries ops;
  private final RetryRejectedFile retry;
  private final CompactLake compactLake;

  OpsResource(OpsQueries ops, RetryRejectedFile retry, CompactLake compactLake) {
    this.ops = ops;
    this.retry = retry;
    this.compactLake = compactLake;
  }

  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Path("/compactions")
  @Operation(summary = "Compact the lake's small promoted files now: per partition and dataset, one file with one row per key",
      description = "Without a partition, what the scheduled job does: every partition holding enough small files older than "
          + "warehouse.compaction.min-age. With one, that partition whatever the age of its files. Answers the compactions done.")
  public Uni<List<Compaction>> compact(
      @Parameter(description = "only this lake folder, e.g. frame=1m/symbol=AAPL/date=2024-05-01 or dataset=usage/date=2024-05-01")
      @QueryParam("partition") String partition) {
    return compactLake.run("ops", Optional.ofNullable(partition));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/compactions")
  @Operation(summary = "Compactions, newest first: partition, files and rows in, rows out, bytes saved, the file written")
  public Uni<List<Compaction>> compactions(
      @Parameter(description = "at most this many, newest first (default 100; taken as 1..1000)") @QueryParam("limit") String limit) {
    return compactLake.recent(Params.integer("limit", limit, 100));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/runs")
  @Operation(summary = "Ingest runs, newest first: their files, rows and promotion status (promoted, rejected or pending)")
  public Uni<List<RunOverview>> runs(
      @Parameter(description = "at most this many, newest first (default 100; taken as 1..1000)") @QueryParam("limit") String limit,
      @Parameter(description = "only the runs whose first file arrived on this UTC day (YYYY-MM-DD); /ops/run-days lists the days")
      @QueryParam("date") String date) {
    int max = Params.integer("limit", limit, 100);
    return date == null ? ops.runs(max) : ops.runsOn(day(date), max);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/run-days")
  @Operation(summary = "The UTC days ingest runs started on, latest first, and the latest of them")
  public Uni<RunDays> runDays(
      @Parameter(description = "at most this many days (default 100; taken as 1..1000)") @QueryParam("limit") String limit) {
    return ops.runDays(Params.integer("limit", limit, 100)).map(days -> new RunDays(days.isEmpty() ? null : days.getFirst(), days));
  }

  /** The days runs started on, latest first; {@code latest} is null while there is none. */
  public record RunDays(LocalDate latest, List<LocalDate> days) {}

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/promotions")
  @Operation(summary = "Promotions, newest first: trigger, dataset kind, published or refused and why, rows per layer, input watermarks")
  public Uni<List<PromotionRun>> promotions(
      @Parameter(description = "at most this many, newest first (default 100; taken as 1..1000)") @QueryParam("limit") String limit) {
    return ops.promotions(Params.integer("limit", limit, 100));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/watermarks")
  @Operation(summary = "How far bronze, silver and gold cover each dataset identity")
  public Uni<List<LayerWatermark>> watermarks() {
    return ops.watermarks();
  }

  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Path("/file-ingestions/{runId}/{fileId}/retry")
  @Operation(summary = "Give a rejected bronze file another promotion (after its cause was fixed); answers the promotion's outcomes",
      description = "The file goes back to bronze with its reason cleared and a promotion runs at once. Only a rejected file may be "
          + "retried (409 otherwise); an unknown one is 404.")
  public Uni<List<PromotionOutcome>> retry(
      @Parameter(description = "the file's run id (the ingest job id it was announced under)") @PathParam("runId") String runId,
      @Parameter(description = "the file's id in its run") @PathParam("fileId") String fileId) {
    return retry.run(runId, fileId);
  }

  private static LocalDate day(String date) {
    try {
      return LocalDate.parse(date);
    } catch (java.time.format.DateTimeParseException e) {
      throw new DomainException.Invalid("date must be a day as YYYY-MM-DD, not '" + date + "'");
    }
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
  @Operation(summary = "The ledger of bronze files, newest first, with why a file was rejected")
  public Uni<List<FileIngestion>> fileIngestions(
      @Parameter(description = "at most this many, newest first (default 100; taken as 1..1000)") @QueryParam("limit") String limit) {
    return ops.fileIngestions(Params.integer("limit", limit, 100));
  }
}
