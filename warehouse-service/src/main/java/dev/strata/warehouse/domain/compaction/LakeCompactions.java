package dev.strata.warehouse.domain.compaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The lake's small promoted files, their compaction into one file per partition, and its history. */
public interface LakeCompactions {

  /**
   * Promoted files received before {@code receivedBefore} (in {@code partition} only, when given) that share
   * their partition and identity with another such file, with their size; files gone from the lake are left out.
   */
  CompletionStage<List<LakeFile>> promotedFiles(Instant receivedBefore, Optional<String> partition);

  /**
   * Rewrites the group's files, each still promoted and unchanged since it was announced, as one file of the
   * partition keeping one row per {@code keyColumns} (the latest ingestion), which replaces them in the ledger
   * ({@code compacted}) and in the lake (deleted). Empty when fewer than two of its files qualify any more.
   */
  CompletionStage<Optional<Compaction>> compact(String runId, CompactionGroup group, List<String> keyColumns, String trigger);

  /** The most recent compactions, newest first. */
  CompletionStage<List<Compaction>> recent(int limit);
}
