package dev.strata.warehouse.domain.ledger;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import java.time.Instant;

/**
 * A bronze file the lake announced, as the ledger ({@code ops.file_ingestions}) keeps it. Its
 * identity is (run id, file id): a redelivered announcement is the same entry.
 *
 * @param path relative to the lake root
 * @param status {@code bronze} until promoted, then {@code promoted}, or {@code rejected} when an
 *     audit or integrity check refused its promotion; a promoted file a compaction rewrote into another is
 *     {@code compacted} (and gone from the lake)
 * @param reason why it was rejected, or which file it was compacted into (a compaction's own file: what it
 *     replaced); null otherwise
 */
public record FileIngestion(
    String runId,
    String fileId,
    DatasetIdentity identity,
    Instant coverageFrom,
    Instant coverageTo,
    long rowCount,
    String sha256,
    String path,
    Instant receivedAt,
    String status,
    String reason) {

  public static final String BRONZE = "bronze";
  public static final String PROMOTED = "promoted";
  public static final String REJECTED = "rejected";
  public static final String COMPACTED = "compacted";

  /** An entry with no rejection to explain. */
  public FileIngestion(String runId, String fileId, DatasetIdentity identity, Instant coverageFrom, Instant coverageTo,
      long rowCount, String sha256, String path, Instant receivedAt, String status) {
    this(runId, fileId, identity, coverageFrom, coverageTo, rowCount, sha256, path, receivedAt, status, null);
  }
}
