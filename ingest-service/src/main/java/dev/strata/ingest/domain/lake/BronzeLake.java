package dev.strata.ingest.domain.lake;

import dev.strata.ingest.domain.bar.BarPartition;
import dev.strata.ingest.domain.bar.ValidBar;
import dev.strata.ingest.domain.usage.ValidUsageEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The bronze Parquet lake, written file by file: each write lands a complete file (temp file and
 * atomic rename) under an inter-process lock of its partition, or nothing at all. Blocking.
 */
public interface BronzeLake {

  /**
   * Lands {@code bars} (ordered by ts) as {@code <partition>/<jobId>.parquet}.
   *
   * @throws dev.strata.kernel.error.DomainException.Conflict when the file exists and
   *     {@code overwrite} is false
   */
  LandedFile writeBars(BarPartition partition, String jobId, List<ValidBar> bars, Instant ingestedAt, boolean overwrite);

  /** Lands the usage events of one UTC day as {@code dataset=usage/date=<day>/<jobId>.parquet}. */
  LandedFile writeUsage(LocalDate day, String jobId, List<ValidUsageEvent> events, Instant ingestedAt, boolean overwrite);

  /** Removes files of a job that failed half-way, so nothing of it stays visible. */
  void remove(List<LandedFile> files);
}
