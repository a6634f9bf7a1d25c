package dev.strata.ingest.adapter.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.ingest.application.IngestUsage;
import dev.strata.ingest.application.IngestUsageCommand;
import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.kernel.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Usage events in: {@code POST /usage-events}, a JSON array or NDJSON. */
@Path("/usage-events")
public class UsageEventsResource {

  private final IngestUsage ingestUsage;
  private final UsageEventPayloads payloads;

  UsageEventsResource(IngestUsage ingestUsage, ObjectMapper json) {
    this.ingestUsage = ingestUsage;
    this.payloads = new UsageEventPayloads(json);
  }

  @POST
  @Blocking
  @RolesAllowed(Roles.OPERATOR)
  @Consumes({MediaType.APPLICATION_JSON, BarsResource.NDJSON})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ingest a batch of customer usage events (JSON array or NDJSON) as a job that lands them in the lake",
      description = "Each event is `{customerId, ts, event, quantity?, attributes?}`. "
          + "201 with the job's report; 200 with `replayed: true` when `jobId` names a completed job (nothing is written "
          + "unless `overwrite=true`); 422 listing every rejected row when the batch is refused (nothing lands); 409 while "
          + "the same job is running. `Content-Encoding: gzip` is accepted.")
  public Uni<Response> ingest(
      InputStream body,
      @Parameter(description = "the batch's job id, its idempotency key: a completed job of this id is answered again "
          + "(replayed) without writing; absent, a new one is made")
      @QueryParam("jobId") String jobId,
      @Parameter(description = "what a rejected row does: reject-batch (default) refuses the whole batch, "
          + "drop-bad-rows drops and reports it")
      @QueryParam("mode") @DefaultValue("reject-batch") String mode,
      @Parameter(description = "true lands a completed job again, replacing its files") @QueryParam("overwrite") boolean overwrite)
      throws IOException {
    var command = new IngestUsageCommand(payloads.read(body), jobId, ValidationMode.parse(mode), overwrite);
    return ingestUsage.run(command).map(IngestionResponses::of);
  }
}
