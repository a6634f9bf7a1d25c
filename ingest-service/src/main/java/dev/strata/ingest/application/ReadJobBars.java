package dev.strata.ingest.application;

import dev.strata.ingest.domain.job.JobKind;
import dev.strata.ingest.domain.lake.JobBars;
import dev.strata.ingest.domain.lake.LakeReader;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;

/** Reading back the bars a job landed, per symbol and ordered by ts. */
public final class ReadJobBars {

  private final FindJob findJob;
  private final LakeReader reader;

  public ReadJobBars(FindJob findJob, LakeReader reader) {
    this.findJob = findJob;
    this.reader = reader;
  }

  public Uni<JobBars> run(String jobId) {
    return findJob.run(jobId).flatMap(job -> {
      if (job.kind() != JobKind.BARS) {
        return Uni.createFrom().failure(new DomainException.Invalid("job " + jobId + " ingested " + job.kind() + ", not bars"));
      }
      return Uni.createFrom().completionStage(() -> reader.jobBars(jobId, job.files()));
    });
  }
}
