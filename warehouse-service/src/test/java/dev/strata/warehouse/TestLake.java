package dev.strata.warehouse;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.support.files.FileChecksum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.UUID;

/** Writes bronze Parquet files the way ingest-service lays them out, with an in-memory DuckDB. */
public final class TestLake {

  private TestLake() {}

  /** A bar row as SQL values: symbol, frame, ts, open, high, low, close, volume, outlier. */
  public record BarRow(String symbol, String frame, Instant ts, double open, double high, double low, double close,
      double volume, boolean outlier) {}

  /** Writes {@code bars} (all of one symbol and frame) and returns the event announcing them. */
  public static DatasetIngested bars(Path lake, String runId, Instant ingestedAt, BarRow... bars) {
    return bars(lake, "producer", runId, ingestedAt, bars);
  }

  /** {@link #bars(Path, String, Instant, BarRow...)} from another source than the producers' ({@code alpaca}). */
  public static DatasetIngested bars(Path lake, String source, String runId, Instant ingestedAt, BarRow... bars) {
    String symbol = bars[0].symbol();
    String frame = bars[0].frame();
    String jobId = "job-" + UUID.randomUUID();
    String relative = "frame=" + frame + "/symbol=" + symbol + "/date=" + bars[0].ts().toString().substring(0, 4)
        + "/" + jobId + ".parquet";
    StringBuilder values = new StringBuilder();
    for (BarRow bar : bars) {
      values.append(values.isEmpty() ? "" : ", ").append("('%s', '%s', TIMESTAMPTZ '%s', %s, %s, %s, %s, %s, %s)".formatted(
          bar.symbol(), bar.frame(), bar.ts(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(), bar.outlier()));
    }
    String select = """
        SELECT symbol, frame, ts, open, high, low, close, volume, outlier, '%s' AS job_id, TIMESTAMPTZ '%s' AS ingested_at
        FROM (VALUES %s) AS t(symbol, frame, ts, open, high, low, close, volume, outlier)""".formatted(jobId, ingestedAt, values);
    write(lake.resolve(relative), select);
    return new DatasetIngested(DatasetIdentity.bars(source, frame, symbol),
        bars[0].ts(), bars[bars.length - 1].ts(), jobId, runId, bars.length, sha256(lake.resolve(relative)), relative);
  }

  /** {@code n} usage events per customer, one a day going back from {@code last}. */
  public static DatasetIngested usage(Path lake, String runId, Instant last, int days, String... customers) {
    String jobId = "job-" + UUID.randomUUID();
    String relative = "dataset=usage/date=" + last.toString().substring(0, 10) + "/" + jobId + ".parquet";
    StringBuilder ids = new StringBuilder();
    for (String customer : customers) {
      ids.append(ids.isEmpty() ? "" : ", ").append("'").append(customer).append("'");
    }
    String select = """
        SELECT c AS customer_id, TIMESTAMPTZ '%s' - to_days(CAST(d AS INTEGER)) AS ts, 'login' AS event,
          CAST(d + 1 AS DOUBLE) AS quantity, '{}' AS attributes, '%s' AS job_id, now() AS ingested_at
        FROM unnest([%s]) AS u(c), range(%d) AS r(d)""".formatted(last, jobId, ids, days);
    write(lake.resolve(relative), select);
    return new DatasetIngested(DatasetIdentity.usage(),
        last.minusSeconds(86_400L * (days - 1)), last, jobId, runId, (long) days * customers.length, sha256(lake.resolve(relative)),
        relative);
  }

  /** Announces {@code event} on {@code dataset.ingested} as ingest-service does (its user trusted as any service in %test). */
  public static void announce(dev.strata.testing.Broker broker, DatasetIngested event) throws java.io.IOException {
    var type = dev.strata.kernel.messaging.MessageType.DATASET_INGESTED;
    byte[] body = new dev.strata.kernel.messaging.EnvelopeCodec().encode(dev.strata.kernel.messaging.Envelope.of(type, event, event.runId()));
    broker.publishToDefaultExchange(type.queue(), body, "application/json", UUID.randomUUID().toString());
  }

  /** What ingest-service announces a file with. */
  private static String sha256(Path file) {
    try {
      return FileChecksum.sha256(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void write(Path file, String select) {
    try (var connection = DriverManager.getConnection("jdbc:duckdb:"); var st = connection.createStatement()) {
      Files.createDirectories(file.getParent());
      st.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
    } catch (Exception e) {
      throw new IllegalStateException("cannot write test Parquet " + file + ": " + e.getMessage(), e);
    }
  }
}
