package dev.strata.ingest.application;

import dev.strata.ingest.domain.bar.BarPartition;
import dev.strata.ingest.domain.bar.ValidBar;
import dev.strata.ingest.domain.lake.BronzeLake;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.ingest.domain.usage.ValidUsageEvent;
import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A lake of file names in memory; {@code failOnWrite} makes the n-th write (1-based) blow up. */
final class InMemoryLake implements BronzeLake {

  final Map<String, LandedFile> files = new TreeMap<>();
  int writes;
  int failOnWrite = -1;
  /** Runs at the start of every write, while the job is being written. */
  Runnable duringWrite = () -> { };

  /** All or nothing, as the real lake: a failing partition takes the batch's other files away again. */
  @Override
  public synchronized CompletionStage<List<LandedFile>> writeBars(Map<BarPartition, List<ValidBar>> partitions, String jobId,
      Instant ingestedAt, boolean overwrite) {
    List<LandedFile> landed = new ArrayList<>();
    try {
      partitions.forEach((partition, bars) -> landed.add(
          land(partition.folder() + "/" + jobId + ".parquet", bars.size(), bars.getFirst().ts(), bars.getLast().ts(), overwrite)));
      return CompletableFuture.completedFuture(landed);
    } catch (RuntimeException e) {
      remove(landed);
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public synchronized CompletionStage<List<LandedFile>> writeUsage(Map<LocalDate, List<ValidUsageEvent>> days, String jobId,
      Instant ingestedAt, boolean overwrite) {
    List<LandedFile> landed = new ArrayList<>();
    try {
      days.forEach((day, events) -> landed.add(land("dataset=usage/date=" + day + "/" + jobId + ".parquet", events.size(),
          events.getFirst().ts(), events.getLast().ts(), overwrite)));
      return CompletableFuture.completedFuture(landed);
    } catch (RuntimeException e) {
      remove(landed);
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public synchronized CompletionStage<Boolean> holds(List<LandedFile> landed) {
    return CompletableFuture.completedFuture(landed.stream().allMatch(file -> files.containsKey(file.path())));
  }

  @Override
  public synchronized CompletionStage<Void> remove(List<LandedFile> landed) {
    landed.forEach(file -> files.remove(file.path()));
    return CompletableFuture.completedFuture(null);
  }

  private LandedFile land(String path, int rows, Instant from, Instant to, boolean overwrite) {
    duringWrite.run();
    if (++writes == failOnWrite) {
      throw new IllegalStateException("disk full");
    }
    if (files.containsKey(path) && !overwrite) {
      throw new DomainException.Conflict("file " + path + " exists");
    }
    LandedFile file = new LandedFile(path, rows, from, to, "sha-" + writes, 1);
    files.put(path, file);
    return file;
  }
}
