package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.support.files.FileChecksum;
import dev.strata.warehouse.domain.compaction.Compaction;
import dev.strata.warehouse.domain.compaction.CompactionGroup;
import dev.strata.warehouse.domain.compaction.LakeCompactions;
import dev.strata.warehouse.domain.compaction.LakeFile;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Compaction on DuckDB, on the writer thread: the group's files are read with {@code read_parquet}, deduplicated
 * on the key (latest {@code ingested_at}, then {@code job_id}, as promotion does), written with COPY to a hidden
 * file under {@code .compaction/} (no reader globs it) and moved atomically into the partition as
 * {@code compacted-<id>.parquet}; in the same transaction the ledger takes the new file as promoted and marks
 * the replaced ones {@code compacted}; once committed, the replaced files and their manifests are deleted.
 *
 * <p>Every column of the files is kept, {@code ingested_at} and {@code job_id} too, so a reader that resolves
 * duplicates by the latest ingestion (ingest's {@code GET /bars}, a re-promotion) sees the same bars before,
 * during and after: a file left behind by a crash between the steps only repeats rows that lose no tie. Such
 * leftovers of a partition (a compacted file the ledger does not know, a replaced file not yet deleted) are
 * removed when the partition is compacted next.
 */
public class DuckDbLakeCompactions implements LakeCompactions {

  private static final Logger LOG = Logger.getLogger(DuckDbLakeCompactions.class);
  static final String WORK = ".compaction";
  private static final String PREFIX = "compacted-";
  private static final String FOLDER = "regexp_replace(path, '/[^/]*$', '')";

  private static final String PROMOTED = """
      SELECT %s FROM ops.file_ingestions
      WHERE status = 'promoted' AND received_at < CAST(? AS TIMESTAMPTZ) AND (CAST(? AS VARCHAR) IS NULL OR %s = ?)
      QUALIFY count(*) OVER (PARTITION BY %s, domain, source, dataset, discriminator, ticker) >= 2
      ORDER BY path""".formatted(DuckDbFileLedger.COLUMNS, FOLDER, FOLDER);
  private static final String INSERT_OUTPUT = """
      INSERT INTO ops.file_ingestions (run_id, file_id, domain, source, dataset, discriminator, ticker, coverage_from,
        coverage_to, row_count, sha256, path, received_at, status, reason)
      VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ), ?, ?, ?, CAST(? AS TIMESTAMPTZ), 'promoted', ?)""";
  private static final String MARK_COMPACTED = """
      UPDATE ops.file_ingestions SET status = 'compacted', reason = ?
      WHERE run_id = ? AND file_id = ? AND status = 'promoted' AND sha256 = ?""";
  private static final String INSERT_COMPACTION = """
      INSERT INTO ops.compactions (compaction_id, run_id, partition, identity_key, trigger, compacted_at, files_in, rows_in,
        rows_out, bytes_in, bytes_out, output)
      VALUES (?, ?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), ?, ?, ?, ?, ?, ?)""";
  private static final String RECENT = """
      SELECT compaction_id, run_id, partition, identity_key, trigger, compacted_at, files_in, rows_in, rows_out, bytes_in,
        bytes_out, output
      FROM ops.compactions ORDER BY compacted_at DESC, compaction_id LIMIT ?""";

  private final DuckDbWarehouse warehouse;
  private final Executor executor;
  private final LakePaths lake;

  public DuckDbLakeCompactions(DuckDbWarehouse warehouse, Path lakeRoot, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
    this.lake = new LakePaths(lakeRoot);
  }

  @Override
  public CompletionStage<List<LakeFile>> promotedFiles(Instant receivedBefore, Optional<String> partition) {
    return CompletableFuture.supplyAsync(() -> {
      List<FileIngestion> entries = warehouse.read(connection -> {
        try (PreparedStatement st = connection.prepareStatement(PROMOTED)) {
          st.setString(1, receivedBefore.toString());
          st.setString(2, partition.orElse(null));
          st.setString(3, partition.orElse(null));
          return DuckDbFileLedger.read(st.executeQuery());
        }
      });
      List<LakeFile> files = new ArrayList<>();
      for (FileIngestion entry : entries) {
        Path file = lake.file(entry.path());
        if (file != null) {
          files.add(new LakeFile(entry, size(file)));
        }
      }
      return files;
    }, executor);
  }

  @Override
  public CompletionStage<Optional<Compaction>> compact(String runId, CompactionGroup group, List<String> keyColumns, String trigger) {
    return CompletableFuture.supplyAsync(() -> {
      Path folder = lake.inside(group.partition());
      if (folder == null || !Files.isDirectory(folder)) {
        return Optional.empty();
      }
      String id = UUID.randomUUID().toString();
      Path output = folder.resolve(PREFIX + id + ".parquet");
      List<Path> replaced = new ArrayList<>();
      Optional<Compaction> compaction = warehouse.write(connection -> {
        removeLeftovers(connection, group.partition(), folder);
        List<LakeFile> inputs = unchanged(connection, group.files());
        if (inputs.size() < 2) {
          return Optional.empty();
        }
        Path partial = work().resolve(id + ".parquet.partial");
        long rowsOut = write(connection, inputs, keyColumns, partial);
        Compaction done = new Compaction(id, runId, group.partition(), group.identity().key(), trigger, Instant.now(), inputs.size(),
            inputs.stream().mapToLong(file -> file.entry().rowCount()).sum(), rowsOut,
            inputs.stream().mapToLong(LakeFile::bytes).sum(), size(partial), lake.relative(output));
        String sha256 = sha256(partial);
        move(partial, output);
        try {
          record(connection, done, group.identity(), inputs, sha256);
        } catch (SQLException | RuntimeException e) {
          deleteQuietly(output);
          throw e;
        }
        inputs.forEach(file -> replaced.add(lake.inside(file.entry().path())));
        return Optional.of(done);
      });
      replaced.forEach(DuckDbLakeCompactions::deleteWithManifest);
      compaction.ifPresent(done -> LOG.infof("compacted %d files of %s (%d rows) into %s (%d rows)", done.filesIn(),
          done.partition(), done.rowsIn(), done.output(), done.rowsOut()));
      return compaction;
    }, executor);
  }

  @Override
  public CompletionStage<List<Compaction>> recent(int limit) {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement(RECENT)) {
        st.setInt(1, limit);
        List<Compaction> compactions = new ArrayList<>();
        try (var rs = st.executeQuery()) {
          while (rs.next()) {
            compactions.add(new Compaction(rs.getString("compaction_id"), rs.getString("run_id"), rs.getString("partition"),
                rs.getString("identity_key"), rs.getString("trigger"), Sql.instant(rs, "compacted_at"), rs.getInt("files_in"),
                rs.getLong("rows_in"), rs.getLong("rows_out"), rs.getLong("bytes_in"), rs.getLong("bytes_out"),
                rs.getString("output")));
          }
        }
        return compactions;
      }
    }), executor);
  }

  /** The files still promoted and still what was announced (a changed file is announced again, not compacted). */
  private List<LakeFile> unchanged(Connection connection, List<LakeFile> files) throws SQLException {
    List<LakeFile> unchanged = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(
        "SELECT status, sha256 FROM ops.file_ingestions WHERE run_id = ? AND file_id = ?")) {
      for (LakeFile file : files) {
        st.setString(1, file.entry().runId());
        st.setString(2, file.entry().fileId());
        Path path = lake.file(file.entry().path());
        try (var rs = st.executeQuery()) {
          if (path != null && rs.next() && FileIngestion.PROMOTED.equals(rs.getString("status"))
              && Objects.equals(rs.getString("sha256"), file.entry().sha256()) && sha256(path).equalsIgnoreCase(file.entry().sha256())) {
            unchanged.add(file);
          }
        }
      }
    }
    return unchanged;
  }

  /** Writes the inputs deduplicated on the key, sorted by it; answers the rows written. */
  private long write(Connection connection, List<LakeFile> inputs, List<String> keyColumns, Path partial) throws SQLException {
    String files = inputs.stream().map(file -> Sql.literal(lake.inside(file.entry().path()).toString()))
        .collect(Collectors.joining(", ", "[", "]"));
    String key = String.join(", ", keyColumns);
    try (var st = connection.createStatement()) {
      st.execute("COPY (SELECT * FROM read_parquet(" + files + ", union_by_name = true, hive_partitioning = false) "
          + "QUALIFY row_number() OVER (PARTITION BY " + key + " ORDER BY ingested_at DESC, job_id DESC) = 1 ORDER BY " + key
          + ") TO " + Sql.literal(partial.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
      try (var rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + Sql.literal(partial.toString()) + ")")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void record(Connection connection, Compaction done, DatasetIdentity identity, List<LakeFile> inputs, String sha256)
      throws SQLException {
    Instant from = inputs.stream().map(file -> file.entry().coverageFrom()).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    Instant to = inputs.stream().map(file -> file.entry().coverageTo()).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    try (PreparedStatement st = connection.prepareStatement(INSERT_OUTPUT)) {
      Object[] values = {done.runId(), PREFIX + done.compactionId(), identity.domain(), identity.source(), identity.dataset(),
          Objects.toString(identity.discriminator(), ""), Objects.toString(identity.ticker(), ""), text(from), text(to),
          done.rowsOut(), sha256, done.output(), done.compactedAt().toString(),
          "compaction of " + done.filesIn() + " files (" + done.rowsIn() + " rows)"};
      for (int i = 0; i < values.length; i++) {
        st.setObject(i + 1, values[i]);
      }
      st.executeUpdate();
    }
    try (PreparedStatement st = connection.prepareStatement(MARK_COMPACTED)) {
      for (LakeFile file : inputs) {
        st.setString(1, "compacted into " + done.output());
        st.setString(2, file.entry().runId());
        st.setString(3, file.entry().fileId());
        st.setString(4, file.entry().sha256());
        st.executeUpdate();
      }
    }
    try (PreparedStatement st = connection.prepareStatement(INSERT_COMPACTION)) {
      Object[] values = {done.compactionId(), done.runId(), done.partition(), done.identityKey(), done.trigger(),
          done.compactedAt().toString(), done.filesIn(), done.rowsIn(), done.rowsOut(), done.bytesIn(), done.bytesOut(), done.output()};
      for (int i = 0; i < values.length; i++) {
        st.setObject(i + 1, values[i]);
      }
      st.executeUpdate();
    }
  }

  /**
   * What an interrupted compaction of the partition left: a compacted file the ledger does not know (its
   * transaction never committed), replaced files not yet deleted, and half-written files under {@code .compaction/}.
   */
  private void removeLeftovers(Connection connection, String partition, Path folder) throws SQLException {
    Set<String> known = new java.util.HashSet<>();
    Set<String> compacted = new java.util.HashSet<>();
    try (PreparedStatement st = connection.prepareStatement("SELECT path, status FROM ops.file_ingestions WHERE " + FOLDER + " = ?")) {
      st.setString(1, partition);
      try (var rs = st.executeQuery()) {
        while (rs.next()) {
          known.add(rs.getString("path"));
          if (FileIngestion.COMPACTED.equals(rs.getString("status"))) {
            compacted.add(rs.getString("path"));
          }
        }
      }
    }
    try (var files = Files.list(folder)) {
      files.filter(file -> file.getFileName().toString().endsWith(".parquet")).forEach(file -> {
        String path = lake.relative(file);
        if (compacted.contains(path) || (file.getFileName().toString().startsWith(PREFIX) && !known.contains(path))) {
          deleteWithManifest(file);
        }
      });
      try (var partials = Files.list(work())) {
        partials.forEach(DuckDbLakeCompactions::deleteQuietly);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private Path work() {
    Path work = lake.root().resolve(WORK);
    try {
      return Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + work, e);
    }
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(from);
      throw new UncheckedIOException("cannot move the compacted file into " + to.getParent(), e);
    }
  }

  private static void deleteWithManifest(Path parquet) {
    String name = parquet.getFileName().toString();
    deleteQuietly(parquet);
    deleteQuietly(parquet.resolveSibling(name.substring(0, name.length() - ".parquet".length()) + ".manifest.json"));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warnf("cannot delete %s: %s", file, e.getMessage());
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(Path file) {
    try {
      return FileChecksum.sha256(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
