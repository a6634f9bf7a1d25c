package dev.strata.ingest.adapter.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.ingest.adapter.in.payload.CsvBars;
import dev.strata.ingest.adapter.in.payload.JsonBars;
import dev.strata.ingest.application.IngestBars;
import dev.strata.ingest.application.IngestBarsCommand;
import dev.strata.ingest.application.ReadBars;
import dev.strata.ingest.application.ReportSessionGaps;
import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.kernel.messaging.FlexibleInstantDeserializer;
import dev.strata.kernel.messaging.contract.Bar;
import dev.strata.kernel.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Bars in ({@code POST /bars}: a JSON array, NDJSON or CSV) and out ({@code GET /bars/{symbol}}, NDJSON streamed). */
@Path("/bars")
public class BarsResource {

  static final String NDJSON = "application/x-ndjson";
  static final String CSV = "text/csv";

  private final IngestBars ingestBars;
  private final ReadBars readBars;
  private final ReportSessionGaps reportSessionGaps;
  private final ObjectMapper json;

  BarsResource(IngestBars ingestBars, ReadBars readBars, ReportSessionGaps reportSessionGaps, ObjectMapper json) {
    this.ingestBars = ingestBars;
    this.readBars = readBars;
    this.reportSessionGaps = reportSessionGaps;
    this.json = json;
  }

  @POST
  @Blocking
  @RolesAllowed(Roles.OPERATOR)
  @Consumes({MediaType.APPLICATION_JSON, NDJSON, CSV})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ingest a batch of one symbol's bars (JSON array, NDJSON or CSV) as a job that lands them in the lake",
      description = "Every bar is checked against the bar policies (prices, high/low, volume, increasing and aligned timestamps). "
          + "201 with the job's report; 200 with `replayed: true` when `jobId` names a completed job (nothing is written "
          + "unless `overwrite=true`); 422 listing every rejected row when the batch is refused (nothing lands); 409 while "
          + "the same job is running. `Content-Encoding: gzip` is accepted.")
  public Uni<Response> ingest(
      InputStream body, @HeaderParam("Content-Type") String contentType,
      @Parameter(description = "the instrument's symbol, e.g. AAPL") @QueryParam("symbol") String symbol,
      @Parameter(description = "the bars' frame, e.g. 1m, 5m, 1h or 1d") @QueryParam("frame") String frame,
      @Parameter(description = "the batch's job id, its idempotency key: a completed job of this id is answered again "
          + "(replayed) without writing; absent, a new one is made")
      @QueryParam("jobId") String jobId,
      @Parameter(description = "what a rejected row does: reject-batch (default) refuses the whole batch, "
          + "drop-bad-rows drops and reports it")
      @QueryParam("mode") @DefaultValue("reject-batch") String mode,
      @Parameter(description = "true lands a completed job again, replacing its files") @QueryParam("overwrite") boolean overwrite)
      throws IOException {
    // streamed from the body into rows (gzip is undone by the HTTP layer); unknown JSON fields are a 400
    List<Bar> bars = contentType != null && contentType.startsWith(CSV)
        ? CsvBars.read(body) : JsonBars.read(body, JsonBars.UnknownFields.FAIL);
    var command = new IngestBarsCommand(symbol, frame, bars, jobId, ValidationMode.parse(mode), overwrite, "producer");
    return ingestBars.run(command).map(IngestionResponses::of);
  }

  @GET
  @Path("/{symbol}")
  @RolesAllowed(Roles.READER)
  @Produces(NDJSON)
  @Operation(summary = "Stream a symbol's bars as NDJSON, ordered by time, optionally rolled up to a coarser frame",
      description = "One bar per timestamp even after a re-ingest: the latest ingestion wins.")
  public Response read(
      @Parameter(description = "the instrument's symbol, e.g. AAPL") @PathParam("symbol") String symbol,
      @Parameter(description = "the stored frame to read (default 1m)") @QueryParam("frame") @DefaultValue("1m") String frame,
      @Parameter(description = "first instant, inclusive: ISO-8601 or epoch nanoseconds; absent, from the start") @QueryParam("from") String from,
      @Parameter(description = "end instant, exclusive: ISO-8601 or epoch nanoseconds; absent, to the end") @QueryParam("to") String to,
      @Parameter(description = "roll up to: a multiple of an intraday frame such as 5m, 15m or 1h, or 1d for one bar per exchange session "
          + "(in the exchange's time zone); absent, the bars as stored") @QueryParam("interval") String interval) {
    var query = readBars.query(symbol, frame, instant("from", from), instant("to", to), interval);
    // written from the lake reader's thread while this worker thread waits for the last bar
    StreamingOutput stream = output -> readBars.stream(query, bar -> {
      try {
        output.write(json.writeValueAsBytes(bar));
        output.write('\n');
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).await().indefinitely();
    return Response.ok(stream, NDJSON).build();
  }

  @GET
  @Path("/{symbol}/gaps")
  @RolesAllowed(Roles.READER)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Intraday gaps: per NYSE trading session of a range, the bars the lake lacks; early-close days marked",
      description = "Each session runs 09:30-16:00 New York time, or 09:30-13:00 on an early-close day (the day after Thanksgiving, "
          + "Christmas Eve and July 3rd when they are trading days). For each: open, close, earlyClose, the bars the frame should "
          + "have and has, and the runs it lacks (from, to exclusive, bars). Bars outside the session are not counted.")
  public Uni<ReportSessionGaps.Report> gaps(
      @Parameter(description = "the instrument's symbol, e.g. AAPL") @PathParam("symbol") String symbol,
      @Parameter(description = "the stored intraday frame: whole minutes dividing 30 (default 1m)") @QueryParam("frame")
      @DefaultValue("1m") String frame,
      @Parameter(description = "first New York trading day, YYYY-MM-DD") @QueryParam("from") String from,
      @Parameter(description = "last New York trading day, inclusive, YYYY-MM-DD (at most 92 days after from)") @QueryParam("to")
      String to) {
    return reportSessionGaps.run(symbol, frame, day("from", from), day("to", to));
  }

  private static LocalDate day(String name, String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadRequestException(name + " must be a day as YYYY-MM-DD");
    }
  }

  private static Instant instant(String name, String text) {
    try {
      return text == null || text.isBlank() ? null : FlexibleInstantDeserializer.parse(text);
    } catch (RuntimeException e) {
      throw new BadRequestException(name + " must be ISO-8601 or epoch nanoseconds");
    }
  }
}
