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
  public Uni<Response> ingest(
      InputStream body, @QueryParam("jobId") String jobId,
      @QueryParam("mode") @DefaultValue("reject-batch") String mode, @QueryParam("overwrite") boolean overwrite)
      throws IOException {
    var command = new IngestUsageCommand(payloads.read(body), jobId, ValidationMode.parse(mode), overwrite);
    return ingestUsage.run(command).map(IngestionResponses::of);
  }
}
