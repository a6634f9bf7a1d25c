package dev.strata.warehouse.domain.ledger;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The ledger of bronze files ({@code ops.file_ingestions}). */
public interface FileLedger {

  /**
   * MERGEs the entry on (run id, file id): a second record of the same file changes nothing; one whose file
   * changed (another checksum, row count or path) replaces the entry and makes it promotable again.
   */
  CompletionStage<Void> record(FileIngestion file);

  /** What {@link #requeue} did. */
  enum Requeue { REQUEUED, NOT_REJECTED, UNKNOWN }

  /** Makes a rejected file promotable again (bronze, its reason cleared), for another try. */
  CompletionStage<Requeue> requeue(String runId, String fileId);

  /** Marks a file that cannot be promoted as rejected, with the reason; only while it is still bronze. */
  CompletionStage<Void> reject(FileIngestion file, String reason);

  /** The entry of (run id, file id), if the ledger has it. */
  CompletionStage<java.util.Optional<FileIngestion>> find(String runId, String fileId);

  /** Files not yet promoted (nor rejected), oldest first. */
  CompletionStage<List<FileIngestion>> promotable();

  /**
   * How far {@code layer} ({@code bronze}, {@code silver}, {@code gold}) covers the identity: the
   * latest coverage_to recorded; NULL discriminator and ticker compare as empty.
   */
  CompletionStage<java.util.Optional<java.time.Instant>> coveredTo(String layer,
      dev.strata.kernel.messaging.contract.DatasetIdentity identity);

  /** The most recent entries, newest first. */
  CompletionStage<List<FileIngestion>> recent(int limit);
}
