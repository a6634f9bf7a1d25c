package dev.strata.ingest.adapter.out.parquet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.ingest.domain.bar.BarPartition;
import dev.strata.ingest.domain.bar.ValidBar;
import dev.strata.ingest.domain.usage.ValidUsageEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes rows to Parquet through an in-memory DuckDB: the Appender fills a temp table, then
 * {@code COPY ... (FORMAT parquet, COMPRESSION zstd)} writes it (bars: one file per partition). The column layout is the lake's
 * contract with warehouse-service (README).
 */
final class DuckDbParquetWriter {

  private static final String PARTITION_COLUMN = "lake_partition";
  private static final String STAGED_BARS_TABLE = """
      CREATE TEMP TABLE staged_bars (ts_micros BIGINT, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, volume DOUBLE,
        outlier BOOLEAN, lake_partition INTEGER)""";
  /**
   * The lake's bar columns in their order; the partition column only names the staging folder
   * ({@code lake_partition=<index>}, the partition's position in the batch) and is not written.
   */
  private static final String STAGED_BARS_COPY = """
      COPY (SELECT %s AS symbol, %s AS frame, make_timestamp(ts_micros)::TIMESTAMPTZ AS ts, open, high, low, close, volume,
          outlier, %s AS job_id, %s::TIMESTAMPTZ AS ingested_at, lake_partition FROM staged_bars)
      TO %s (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (lake_partition), FILENAME_PATTERN 'bars')""";
  private static final String USAGE_TABLE = """
      CREATE TEMP TABLE usage (customer_id VARCHAR, ts TIMESTAMPTZ, event VARCHAR, quantity DOUBLE,
        attributes VARCHAR, job_id VARCHAR, ingested_at TIMESTAMPTZ)""";

  private final ObjectMapper json;
  /** One in-memory database for the process: opening a database per file costs more than writing it. */
  private final DuckDBConnection database;

  DuckDbParquetWriter(ObjectMapper json) {
    this.json = json;
    try {
      this.database = InMemoryDuckDb.open();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open an in-memory DuckDB", e);
    }
  }

  /**
   * Writes every partition of a batch with ONE partitioned {@code COPY} into {@code staging}: one
   * Parquet file per partition, returned by partition. One COPY instead of one per partition saves
   * the per-file connection, table and appender, and lets DuckDB write the files on all its threads.
   * Only what differs per row goes through the Appender; symbol, frame, job id and ingestion time are
   * constants of the batch in the COPY's SELECT (validated names, quoted).
   */
  Map<BarPartition, Path> bars(Path staging, Map<BarPartition, List<ValidBar>> partitions, String jobId, Instant ingestedAt)
      throws SQLException, IOException {
    BarPartition any = partitions.keySet().iterator().next();
    try (DuckDBConnection connection = open(STAGED_BARS_TABLE)) {
      try (DuckDBAppender appender = connection.createAppender("temp", "main", "staged_bars")) {
        int index = 0;
        for (List<ValidBar> bars : partitions.values()) {
          append(appender, index++, bars);
        }
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(STAGED_BARS_COPY.formatted(DuckDbSql.literal(any.symbol()), DuckDbSql.literal(any.frame().value()),
            DuckDbSql.literal(jobId), DuckDbSql.literal(ingestedAt.truncatedTo(ChronoUnit.MICROS).toString()),
            DuckDbSql.literal(staging.toString())));
      }
    }
    Map<BarPartition, Path> files = new LinkedHashMap<>();
    int index = 0;
    for (BarPartition partition : partitions.keySet()) {
      files.put(partition, onlyFileIn(staging.resolve(PARTITION_COLUMN + "=" + index++)));
    }
    return files;
  }

  /**
   * The rows of one partition, each carrying the partition's index: a small integer per row is
   * cheaper for the Appender and DuckDB's partitioning than the date text it used to carry.
   */
  private static void append(DuckDBAppender appender, int partitionIndex, List<ValidBar> bars) {
    try {
      for (ValidBar bar : bars) {
        appender.beginRow().append(epochMicros(bar.ts())).append(bar.open()).append(bar.high()).append(bar.low())
            .append(bar.close()).append(bar.volume()).append(bar.outlier()).append(partitionIndex).endRow();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB refused a bar row: " + e.getMessage(), e);
    }
  }

  private static Path onlyFileIn(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      List<Path> written = files.toList();
      if (written.size() != 1) {
        throw new IllegalStateException("DuckDB wrote " + written.size() + " files into " + folder + ", expected one");
      }
      return written.getFirst();
    }
  }

  private static long epochMicros(Instant ts) {
    return Math.addExact(Math.multiplyExact(ts.getEpochSecond(), 1_000_000L), ts.getNano() / 1_000);
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
