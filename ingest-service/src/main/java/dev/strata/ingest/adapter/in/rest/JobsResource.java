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
  public Uni<IngestionJob> job(@PathParam("id") String id) {
    return findJob.run(id);
  }

  @GET
  @Path("/bars")
  @RolesAllowed(Roles.READER)
  public Uni<JobBars> bars(@PathParam("id") String id) {
    return readJobBars.run(id);
  }
}
