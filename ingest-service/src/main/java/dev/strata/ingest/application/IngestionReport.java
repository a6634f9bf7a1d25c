package dev.strata.ingest.application;

import dev.strata.ingest.domain.bar.RejectedRow;
import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.ingest.domain.lake.LandedFile;
import java.util.List;

/**
 * What became of a submitted batch.
 *
 * @param replayed true when the job id had already completed and nothing was written again
 */
public record IngestionReport(
    String jobId, JobStatus status, int accepted, List<RejectedRow> rejected, List<LandedFile> files,
    String error, boolean replayed) {

  static IngestionReport of(IngestionJob job, boolean replayed) {
    return new IngestionReport(job.id(), job.status(), job.accepted(), job.rejections(), job.files(), job.error(), replayed);
  }
}
