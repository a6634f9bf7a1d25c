package dev.strata.ingest.application;

import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;

/** Looking up one ingestion job. */
public final class FindJob {

  private final IngestionJobs jobs;

  public FindJob(IngestionJobs jobs) {
    this.jobs = jobs;
  }

  public Uni<IngestionJob> run(String id) {
    return Uni.createFrom().completionStage(() -> jobs.find(id))
        .map(found -> found.orElseThrow(() -> new DomainException.NotFound("no ingestion job " + id)));
  }
}
