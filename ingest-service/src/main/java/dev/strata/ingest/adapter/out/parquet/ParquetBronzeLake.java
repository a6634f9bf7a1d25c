package dev.strata.ingest.adapter.out.parquet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.ingest.domain.bar.BarPartition;
import dev.strata.ingest.domain.bar.ValidBar;
import dev.strata.ingest.domain.lake.BronzeLake;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.ingest.domain.usage.ValidUsageEvent;
import dev.strata.kernel.error.DomainException;
import dev.strata.support.files.FileChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The bronze lake as Hive-partitioned Parquet files under one root. A file is written as a hidden
 * temp file in its partition, then renamed atomically into place under the partition's lock, so a
 * reader globbing {@code *.parquet} sees a whole file or none; temp files a crashed writer left
 * behind are swept by the next writer of the partition. Every call is file work, so it completes on the
 * executor the lake is given.
 */
public final class ParquetBronzeLake implements BronzeLake {

  /** Version of the Parquet column layout, recorded in each manifest. */
  public static final int SCHEMA_VERSION = 1;
  static final String TEMP_PREFIX = ".tmp-";
  /** Where a batch's files are written before they move into their partitions; no reader globs it. */
  public static final String STAGING = ".staging";

  private final Path root;
  private final DuckDbParquetWriter writer;
  private final ObjectMapper json;
  private final PartitionLocks locks;
  private final WriteSeams seams;
  private final Executor executor;

  public ParquetBronzeLake(Path root, ObjectMapper json, Executor executor) {
    this(root, json, WriteSeams.NONE, executor);
  }

  /** {@code seams} let a test stop a write between the temp write and the rename, or see it wait for a lock. */
  public ParquetBronzeLake(Path root, ObjectMapper json, WriteSeams seams, Executor executor) {
    this.executor = executor;
    this.root = root.toAbsolutePath().normalize();
    this.json = json;
    this.writer = new DuckDbParquetWriter(json);
    this.seams = seams;
    this.locks = new PartitionLocks(seams);
  }

  /**
   * All partitions are written by one DuckDB COPY into a private staging folder under the root, then
   * each file is moved into its partition as the temp file and renamed into place under that
   * partition's lock (partitions in parallel). When one partition fails, the ones already landed are
   * removed again, so the batch lands whole or not at all; the staging folder is always removed.
   */
  @Override
  public CompletionStage<List<LandedFile>> writeBars(Map<BarPartition, List<ValidBar>> partitions, String jobId, Instant ingestedAt,
      boolean overwrite) {
    return CompletableFuture.supplyAsync(() -> writeBarsNow(partitions, jobId, ingestedAt, overwrite), executor);
  }

  private List<LandedFile> writeBarsNow(Map<BarPartition, List<ValidBar>> partitions, String jobId, Instant ingestedAt, boolean overwrite) {
    if (partitions.isEmpty()) {
      return List.of();
    }
    Path staging = resolve(STAGING + "/" + jobId + "-" + UUID.randomUUID());
    try {
      Files.createDirectories(staging);
      Map<BarPartition, Path> staged = writer.bars(staging, partitions, jobId, ingestedAt);
      return landAll(partitions.entrySet().stream().map(entry -> (Supplier<LandedFile>) () -> {
        List<ValidBar> bars = entry.getValue();
        Coverage coverage = new Coverage(bars.size(), bars.getFirst().ts(), bars.getLast().ts());
        return land(entry.getKey().folder(), jobId, overwrite, coverage, temp -> Files.move(staged.get(entry.getKey()), temp));
      }).toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the bars of " + jobId, e);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB could not write the bars of " + jobId + ": " + e.getMessage(), e);
    } finally {
      deleteTree(staging);
    }
  }

  private List<LandedFile> landAll(List<Supplier<LandedFile>> landings) {
    var landed = new ConcurrentLinkedQueue<LandedFile>();
    var failures = new ConcurrentLinkedQueue<RuntimeException>();
    landings.parallelStream().forEach(landing -> {
      try {
        landed.add(landing.get());
      } catch (RuntimeException e) {
        failures.add(e);
      }
    });
    if (!failures.isEmpty()) {
      removeNow(List.copyOf(landed));
      throw failures.peek();
    }
    return landed.stream().sorted(Comparator.comparing(LandedFile::path)).toList();
  }

  /** One file per day, the days in parallel (each under its own partition's lock), whole or not at all as bars. */
  @Override
  public CompletionStage<List<LandedFile>> writeUsage(Map<LocalDate, List<ValidUsageEvent>> days, String jobId, Instant ingestedAt,
      boolean overwrite) {
    return CompletableFuture.supplyAsync(() -> landAll(days.entrySet().stream().map(day -> (Supplier<LandedFile>) () -> {
      List<ValidUsageEvent> events = day.getValue();
      Coverage coverage = new Coverage(events.size(), events.getFirst().ts(), events.getLast().ts());
      return land("dataset=usage/date=" + day.getKey(), jobId, overwrite, coverage, temp -> writer.usage(temp, jobId, events, ingestedAt));
    }).toList()), executor);
  }

  @Override
  public CompletionStage<Boolean> holds(List<LandedFile> files) {
    return CompletableFuture.supplyAsync(() -> files.stream().allMatch(file -> Files.exists(resolve(file.path()))), executor);
  }

  @Override
  public CompletionStage<Void> remove(List<LandedFile> files) {
    return CompletableFuture.runAsync(() -> removeNow(files), executor);
  }

  private void removeNow(List<LandedFile> files) {
    for (LandedFile file : files) {
      Path parquet = resolve(file.path());
      locks.locked(parquet.getParent(), () -> {
        deleteQuietly(parquet);
        deleteQuietly(manifestOf(parquet));
        return null;
      });
    }
  }

  private LandedFile land(String folder, String jobId, boolean overwrite, Coverage coverage, ParquetWrite write) {
    Path partition = resolve(folder);
    Path target = partition.resolve(jobId + ".parquet");
    return locks.locked(partition, () -> {
      if (Files.exists(target) && !overwrite) {
        throw new DomainException.Conflict("file " + folder + "/" + target.getFileName() + " exists; resubmit with overwrite=true to replace it");
      }
      sweepTempFiles(partition);
      // the temp name must not end in .parquet, or a reader globbing *.parquet would see the half-written file
      Path temp = partition.resolve(TEMP_PREFIX + jobId + ".parquet.partial");
      try {
        write.to(temp);
        seams.beforeRename(temp);
        String sha256 = FileChecksum.sha256(temp);
        String path = root.relativize(target).toString().replace('\\', '/');
        LandedFile landed = new LandedFile(path, coverage.rows(), coverage.from(), coverage.to(), sha256, SCHEMA_VERSION);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        writeManifest(target, landed);
        return landed;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot land " + target, e);
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB could not write " + target + ": " + e.getMessage(), e);
      } finally {
        deleteQuietly(temp);
      }
    });
  }

  private void writeManifest(Path parquet, LandedFile landed) throws IOException {
    Manifest manifest = new Manifest(landed.path(), landed.rowCount(), landed.from(), landed.to(), landed.sha256(),
        landed.schemaVersion(), Instant.now());
    Path manifestFile = manifestOf(parquet);
    Path temp = manifestFile.resolveSibling(TEMP_PREFIX + manifestFile.getFileName());
    json.writeValue(temp.toFile(), manifest);
    Files.move(temp, manifestFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path manifestOf(Path parquet) {
    String name = parquet.getFileName().toString();
    return parquet.resolveSibling(name.substring(0, name.length() - ".parquet".length()) + ".manifest.json");
  }

  private Path resolve(String relative) {
    Path resolved = root.resolve(relative).normalize();
    if (!resolved.startsWith(root)) {
      throw new DomainException.Invalid("path escapes the lake root");
    }
    return resolved;
  }

  /** Called under the partition lock: any temp file present was left by a writer that died. */
  private static void sweepTempFiles(Path partition) {
    try (var files = Files.list(partition)) {
      files.filter(file -> file.getFileName().toString().startsWith(TEMP_PREFIX)).forEach(ParquetBronzeLake::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (var tree = Files.walk(folder)) {
      tree.sorted(Comparator.reverseOrder()).forEach(ParquetBronzeLake::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove staging folder " + folder, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  private record Coverage(long rows, Instant from, Instant to) {}

  @FunctionalInterface
  private interface ParquetWrite {
    void to(Path temp) throws SQLException, IOException;
  }
}
