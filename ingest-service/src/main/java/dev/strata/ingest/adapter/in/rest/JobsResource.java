package dev.strata.ingest.adapter.in.rest;

import dev.strata.ingest.application.FindJob;
import dev.strata.ingest.application.ReadJobBars;
import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.lake.JobBars;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Ingestion jobs: {@code GET /jobs/{id}} and the bars a job landed. */
@Path("/jobs/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

  private final FindJob findJob;
  private final ReadJobBars readJobBars;

  JobsResource(FindJob findJob, ReadJobBars readJobBars) {
    this.findJob = findJob;
    this.readJobBars = readJobBars;
  }

  @GET
  @RolesAllowed(Roles.READER)
  @Operation(summary = "Get an ingestion job: its status, accepted and rejected rows, and the files it landed")
  public Uni<IngestionJob> job(
      @Parameter(description = "the job's id: the jobId the batch was sent with, or the one its report gave")
      @PathParam("id") String id) {
    return findJob.run(id);
  }

  @GET
  @Path("/bars")
  @RolesAllowed(Roles.READER)
  @Operation(summary = "The bars a job landed, per symbol, ordered by time; a file that cannot be read is skipped and named in warnings")
  public Uni<JobBars> bars(
      @Parameter(description = "the job's id: the jobId the batch was sent with, or the one its report gave")
      @PathParam("id") String id) {
    return readJobBars.run(id);
  }
}
