package dev.strata.ingest.domain.lake;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** Reads the bar lake back. File work, so every call completes off the caller's thread. */
public interface LakeReader {

  /** The bars of {@code files}; a file that cannot be read is skipped and named in the warnings. */
  CompletionStage<JobBars> jobBars(String jobId, List<LandedFile> files);

  /**
   * Streams the bars of a symbol and frame in {@code [from, to)} ordered by ts, one per (symbol, ts)
   * even when several jobs landed the same bar (the latest ingestion wins); the stage completes after the last.
   */
  CompletionStage<Void> bars(BarQuery query, Consumer<StoredBar> sink);

  /** Which bars, and at which aggregation. */
  record BarQuery(String symbol, String frame, Instant from, Instant to, Aggregation aggregation) {}
}
