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

  /** A job id that could never have been issued is refused before it reaches the database. */
  public Uni<IngestionJob> run(String id) {
    return Uni.createFrom().item(() -> JobIds.require(id))
        .flatMap(valid -> Uni.createFrom().completionStage(() -> jobs.find(valid)))
        .map(found -> found.orElseThrow(() -> new DomainException.NotFound("no ingestion job " + id)));
  }
}
