package dev.strata.ingest.domain.job;

import dev.strata.ingest.domain.bar.RejectedRow;
import dev.strata.ingest.domain.lake.LandedFile;
import java.time.Instant;
import java.util.List;

/**
 * One batch of bars or usage events on its way into the lake (aggregate root).
 *
 * <p>Invariants: the status only moves PENDING → IN_PROGRESS → COMPLETED | FAILED, and a FAILED
 * job may be started again (a resubmission); a COMPLETED job is final, which is what makes a
 * resubmitted job id idempotent. Only a COMPLETED job lists landed files.
 */
public record IngestionJob(
    String id, JobKind kind, JobStatus status, String symbol, String frame, int accepted,
    List<RejectedRow> rejections, List<LandedFile> files, String error, Instant createdAt, Instant updatedAt) {

  public IngestionJob {
    rejections = rejections == null ? List.of() : List.copyOf(rejections);
    files = files == null ? List.of() : List.copyOf(files);
  }

  public static IngestionJob pending(String id, JobKind kind, String symbol, String frame, Instant now) {
    return new IngestionJob(id, kind, JobStatus.PENDING, symbol, frame, 0, List.of(), List.of(), null, now, now);
  }

  public IngestionJob start(Instant now) {
    require(status == JobStatus.PENDING || status == JobStatus.FAILED, "start");
    return new IngestionJob(id, kind, JobStatus.IN_PROGRESS, symbol, frame, 0, List.of(), List.of(), null, createdAt, now);
  }

  public IngestionJob complete(int accepted, List<RejectedRow> rejections, List<LandedFile> files, Instant now) {
    require(status == JobStatus.IN_PROGRESS, "complete");
    return new IngestionJob(id, kind, JobStatus.COMPLETED, symbol, frame, accepted, rejections, files, null, createdAt, now);
  }

  public IngestionJob fail(String reason, List<RejectedRow> rejections, Instant now) {
    require(status == JobStatus.IN_PROGRESS, "fail");
    return new IngestionJob(id, kind, JobStatus.FAILED, symbol, frame, 0, rejections, List.of(), reason, createdAt, now);
  }

  private void require(boolean allowed, String transition) {
    if (!allowed) {
      throw new IllegalStateException("cannot " + transition + " job " + id + " in status " + status);
    }
  }
}
