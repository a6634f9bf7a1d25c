package dev.strata.ingest.adapter.out.parquet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.ingest.domain.bar.BarPartition;
import dev.strata.ingest.domain.bar.ValidBar;
import dev.strata.ingest.domain.usage.ValidUsageEvent;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes rows to one Parquet file through an in-memory DuckDB: the Appender fills a table, then
 * {@code COPY ... (FORMAT parquet, COMPRESSION zstd)} writes it. The column layout is the lake's
 * contract with warehouse-service (README).
 */
final class DuckDbParquetWriter {

  private static final String BARS_TABLE = """
      CREATE TEMP TABLE bars (symbol VARCHAR, frame VARCHAR, ts TIMESTAMPTZ, open DOUBLE, high DOUBLE, low DOUBLE,
        close DOUBLE, volume DOUBLE, outlier BOOLEAN, job_id VARCHAR, ingested_at TIMESTAMPTZ)""";
  private static final String USAGE_TABLE = """
      CREATE TEMP TABLE usage (customer_id VARCHAR, ts TIMESTAMPTZ, event VARCHAR, quantity DOUBLE,
        attributes VARCHAR, job_id VARCHAR, ingested_at TIMESTAMPTZ)""";

  private final ObjectMapper json;
  /** One in-memory database for the process: opening a database per file costs more than writing it. */
  private final DuckDBConnection database;

  DuckDbParquetWriter(ObjectMapper json) {
    this.json = json;
    try {
      this.database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open an in-memory DuckDB", e);
    }
  }

  void bars(Path file, BarPartition partition, String jobId, List<ValidBar> bars, Instant ingestedAt) throws SQLException {
    OffsetDateTime ingested = utc(ingestedAt);
    try (DuckDBConnection connection = open(BARS_TABLE)) {
      try (DuckDBAppender appender = connection.createAppender("temp", "main", "bars")) {
        for (ValidBar bar : bars) {
          appender.beginRow().append(partition.symbol()).append(partition.frame().value()).append(utc(bar.ts()))
              .append(bar.open()).append(bar.high()).append(bar.low()).append(bar.close()).append(bar.volume())
              .append(bar.outlier()).append(jobId).append(ingested).endRow();
        }
      }
      copy(connection, "bars", file);
    }
  }

  void usage(Path file, String jobId, List<ValidUsageEvent> events, Instant ingestedAt) throws SQLException {
    OffsetDateTime ingested = utc(ingestedAt);
    try (DuckDBConnection connection = open(USAGE_TABLE)) {
      try (DuckDBAppender appender = connection.createAppender("temp", "main", "usage")) {
        for (ValidUsageEvent event : events) {
          appender.beginRow().append(event.customerId()).append(utc(event.ts())).append(event.event())
              .append(event.quantity()).append(attributes(event)).append(jobId).append(ingested).endRow();
        }
      }
      copy(connection, "usage", file);
    }
  }

  /** A connection of its own (temp tables are per connection, so concurrent writers never meet). */
  private DuckDBConnection open(String table) throws SQLException {
    DuckDBConnection connection = (DuckDBConnection) database.duplicate();
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute(table);
    }
    return connection;
  }

  private static void copy(DuckDBConnection connection, String table, Path file) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("COPY " + table + " TO " + DuckDbSql.literal(file.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
    }
  }

  private String attributes(ValidUsageEvent event) {
    try {
      return json.writeValueAsString(event.attributes());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("attributes of a usage event cannot be written as JSON", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
