package dev.strata.warehouse.adapter.out.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * The one DuckDB file of the warehouse. All writes go through a single writer connection on a
 * single thread, so they are serialized without locks; every read gets its own duplicated
 * connection, so readers see the last committed snapshot and never wait behind a promotion. A
 * reader's connection runs queries only ({@link ReadOnlyConnection}) and is closed when its work returns.
 */
public final class DuckDbWarehouse implements AutoCloseable {

  private final Path file;
  private final DuckDBConnection writer;
  private final ExecutorService writerThread =
      Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "duckdb-writer"));

  private DuckDbWarehouse(Path file, DuckDBConnection writer) {
    this.file = file;
    this.writer = writer;
  }

  /** Opens (creating if needed) the DuckDB file and its folder, with DuckDB's defaults. */
  public static DuckDbWarehouse open(Path file) {
    return open(file, Map.of());
  }

  /** Opens the DuckDB file with {@code settings} (DuckDB option → value, e.g. {@code threads} → 2). */
  public static DuckDbWarehouse open(Path file, Map<String, String> settings) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Properties properties = new Properties();
      properties.putAll(settings);
      // the driver itself: DriverManager hands a caller only drivers its own class loader registered, which a
      // class loader other than the one that first loaded DuckDB (a test launching the service's main) has not
      var connection = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + file.toAbsolutePath(), properties);
      return new DuckDbWarehouse(file, connection);
    } catch (Exception e) {
      throw new WarehouseFailure("cannot open DuckDB file " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /** Runs {@code work} on a fresh, query-only reader connection of the caller's thread (never the event loop). */
  public <T> T read(SqlWork<T> work) {
    try (Connection reader = ReadOnlyConnection.of(writer.duplicate())) {
      return work.apply(reader);
    } catch (SQLException e) {
      throw new WarehouseFailure("DuckDB read failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction on the writer thread and waits for its commit. */
  public <T> T write(SqlWork<T> work) {
    return write(work, () -> { });
  }

  /**
   * Runs {@code work} in one transaction on the writer thread while the calling thread runs {@code meanwhile}
   * (it feeds the work what it writes, say), then waits for the commit.
   */
  public <T> T write(SqlWork<T> work, Runnable meanwhile) {
    Future<T> result = writerThread.submit(() -> inTransaction(writer, work));
    meanwhile.run();
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseFailure("interrupted while waiting for the DuckDB writer", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new WarehouseFailure("DuckDB write failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Commits when {@code work} returns, rolls back when it throws. */
  static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.apply(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  @Override
  public void close() {
    writerThread.shutdown();
    try {
      writer.close();
    } catch (SQLException e) {
      throw new WarehouseFailure("cannot close DuckDB: " + e.getMessage(), e);
    }
  }
}
