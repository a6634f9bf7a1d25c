package dev.strata.ingest.domain.lake;

import dev.strata.ingest.domain.bar.BarPartition;
import dev.strata.ingest.domain.bar.ValidBar;
import dev.strata.ingest.domain.usage.ValidUsageEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The bronze Parquet lake, written file by file: each write lands a complete file (temp file and
 * atomic rename) under an inter-process lock of its partition, or nothing at all. File work, so every
 * call completes off the caller's thread.
 */
public interface BronzeLake {

  /**
   * Lands the bars of a batch (each list ordered by ts) as {@code <partition>/<jobId>.parquet}, one
   * file per partition, whole or not at all: when one file cannot land, none of them stays.
   *
   * @return the landed files, ordered by path
   * @throws dev.strata.kernel.error.DomainException.Conflict (as the stage's failure) when a file exists and
   *     {@code overwrite} is false
   */
  CompletionStage<List<LandedFile>> writeBars(Map<BarPartition, List<ValidBar>> partitions, String jobId, Instant ingestedAt, boolean overwrite);

  /** Lands the bars of one partition, as {@link #writeBars(Map, String, Instant, boolean)}. */
  default CompletionStage<LandedFile> writeBars(BarPartition partition, String jobId, List<ValidBar> bars, Instant ingestedAt,
      boolean overwrite) {
    return writeBars(Map.of(partition, bars), jobId, ingestedAt, overwrite).thenApply(List::getFirst);
  }

  /**
   * Lands the usage events of a batch (each list ordered by ts) as {@code dataset=usage/date=<day>/<jobId>.parquet},
   * one file per UTC day, whole or not at all as {@link #writeBars(Map, String, Instant, boolean)}.
   *
   * @return the landed files, ordered by path
   */
  CompletionStage<List<LandedFile>> writeUsage(Map<LocalDate, List<ValidUsageEvent>> days, String jobId, Instant ingestedAt,
      boolean overwrite);

  /** Whether every one of these files is still in the lake. */
  CompletionStage<Boolean> holds(List<LandedFile> files);

  /** Removes files of a job that failed half-way, so nothing of it stays visible. */
  CompletionStage<Void> remove(List<LandedFile> files);
}
