package dev.strata.ingest.adapter.out.parquet;

import dev.strata.ingest.domain.lake.JobBars;
import dev.strata.ingest.domain.lake.LakeReader;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.ingest.domain.lake.StoredBar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Reads the bar lake with an in-memory DuckDB per request. Duplicates of a (symbol, ts) landed by
 * several jobs are resolved on read, keeping the latest ingestion, so re-ingesting never shows a
 * bar twice. Reading is blocking, so every call completes on the executor the reader is given.
 */
public final class DuckDbLakeReader implements LakeReader {

  private static final Logger LOG = Logger.getLogger(DuckDbLakeReader.class);

  private final Path root;
  private final BarSql sql;
  private final Executor executor;

  public DuckDbLakeReader(Path root, BarSql sql, Executor executor) {
    this.root = root.toAbsolutePath().normalize();
    this.sql = sql;
    this.executor = executor;
  }

  @Override
  public CompletionStage<JobBars> jobBars(String jobId, List<LandedFile> files) {
    return CompletableFuture.supplyAsync(() -> jobBarsNow(jobId, files), executor);
  }

  @Override
  public CompletionStage<Void> bars(BarQuery query, Consumer<StoredBar> sink) {
    return CompletableFuture.runAsync(() -> barsNow(query, sink), executor);
  }

  private JobBars jobBarsNow(String jobId, List<LandedFile> files) {
    Map<String, List<StoredBar>> bars = new TreeMap<>();
    List<String> warnings = new ArrayList<>();
    try (Connection connection = open()) {
      for (LandedFile file : files) {
        try {
          readFile(connection, inLake(file.path()), bar -> bars.computeIfAbsent(bar.symbol(), any -> new ArrayList<>()).add(bar));
        } catch (SQLException e) {
          LOG.warnf("skipping unreadable lake file %s: %s", file.path(), e.getMessage());
          warnings.add("file " + file.path() + " could not be read and was skipped");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB is unavailable: " + e.getMessage(), e);
    }
    bars.values().forEach(list -> list.sort(Comparator.comparing(StoredBar::ts)));
    return new JobBars(jobId, bars, warnings);
  }

  private void barsNow(BarQuery query, Consumer<StoredBar> sink) {
    Path folder = root.resolve("frame=" + query.frame()).resolve("symbol=" + query.symbol());
    if (!Files.isDirectory(folder)) {
      return;
    }
    String glob = folder.resolve("*").resolve("*.parquet").toString();
    try (Connection connection = open();
        PreparedStatement statement = connection.prepareStatement(sql.select(glob, query))) {
      sql.bind(statement, query);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          sink.accept(sql.read(rows, query));
        }
      }
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().contains("No files found")) {
        return;
      }
      throw new IllegalStateException("cannot read bars of " + query.symbol() + ": " + e.getMessage(), e);
    }
  }

  /** A landed file's path comes from the job table; it is only ever read inside the lake root. */
  private Path inLake(String relative) throws SQLException {
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) {
      throw new SQLException("lake file outside the lake root");
    }
    return file;
  }

  private void readFile(Connection connection, Path file, Consumer<StoredBar> sink) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT symbol, frame, ts, open, high, low, close, volume, outlier, job_id FROM read_parquet("
            + DuckDbSql.literal(file.toString()) + ")")) {
      while (rows.next()) {
        sink.accept(BarSql.stored(rows));
      }
    }
  }

  private static Connection open() throws SQLException {
    Connection connection = InMemoryDuckDb.open();
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
    }
    return connection;
  }
}
