package dev.strata.ingest.adapter.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.ingest.adapter.in.payload.CsvBars;
import dev.strata.ingest.adapter.in.payload.JsonBars;
import dev.strata.ingest.application.IngestBars;
import dev.strata.ingest.application.IngestBarsCommand;
import dev.strata.ingest.application.ReadBars;
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
import java.util.List;

/** Bars in ({@code POST /bars}: a JSON array, NDJSON or CSV) and out ({@code GET /bars/{symbol}}, NDJSON streamed). */
@Path("/bars")
public class BarsResource {

  static final String NDJSON = "application/x-ndjson";
  static final String CSV = "text/csv";

  private final IngestBars ingestBars;
  private final ReadBars readBars;
  private final ObjectMapper json;

  BarsResource(IngestBars ingestBars, ReadBars readBars, ObjectMapper json) {
    this.ingestBars = ingestBars;
    this.readBars = readBars;
    this.json = json;
  }

  @POST
  @Blocking
  @RolesAllowed(Roles.OPERATOR)
  @Consumes({MediaType.APPLICATION_JSON, NDJSON, CSV})
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> ingest(
      InputStream body, @HeaderParam("Content-Type") String contentType,
      @QueryParam("symbol") String symbol, @QueryParam("frame") String frame, @QueryParam("jobId") String jobId,
      @QueryParam("mode") @DefaultValue("reject-batch") String mode, @QueryParam("overwrite") boolean overwrite)
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
  public Response read(
      @PathParam("symbol") String symbol, @QueryParam("frame") @DefaultValue("1m") String frame,
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("interval") String interval) {
    var query = readBars.query(symbol, frame, instant("from", from), instant("to", to), interval);
    StreamingOutput stream = output -> readBars.stream(query, bar -> {
      try {
        output.write(json.writeValueAsBytes(bar));
        output.write('\n');
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return Response.ok(stream, NDJSON).build();
  }

  private static Instant instant(String name, String text) {
    try {
      return text == null || text.isBlank() ? null : FlexibleInstantDeserializer.parse(text);
    } catch (RuntimeException e) {
      throw new BadRequestException(name + " must be ISO-8601 or epoch nanoseconds");
    }
  }
}
