package dev.strata.kernel.messaging.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code dataset.ingested}: a bronze file landed in the lake.
 *
 * @param path the file's path relative to the lake root
 */
public record DatasetIngested(
    DatasetIdentity dataset,
    Instant coverageFrom,
    Instant coverageTo,
    String fileId,
    String runId,
    long rowCount,
    String sha256,
    String path) {

  public DatasetIngested {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(path, "path");
  }
}
