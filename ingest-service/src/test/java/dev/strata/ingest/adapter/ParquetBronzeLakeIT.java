package dev.strata.ingest.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.strata.ingest.adapter.out.parquet.ParquetBronzeLake;
import dev.strata.ingest.domain.bar.BarPartition;
import dev.strata.ingest.domain.bar.Frame;
import dev.strata.ingest.domain.bar.ValidBar;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.kernel.error.DomainException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.strata.ingest.adapter.out.parquet.InMemoryDuckDb;
import java.sql.ResultSet;
import java.security.MessageDigest;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bar lake writing a whole batch (one DuckDB COPY for all its partitions) against a real folder and DuckDB. */
class ParquetBronzeLakeIT {

  private static final Frame MINUTE = Frame.of("1m");
  private static final Instant INGESTED = Instant.parse("2026-01-02T03:04:05.123456Z");

  @TempDir Path root;
  private ParquetBronzeLake lake;

  @BeforeEach
  void openTheLake() {
    lake = new ParquetBronzeLake(root, new ObjectMapper().registerModule(new JavaTimeModule()), Runnable::run);
  }

  @Test
  void aBatchLandsOneFilePerPartitionWithTheLakeColumnsAndNothingOfItsStagingStays() throws Exception {
    Map<BarPartition, List<ValidBar>> batch = batch("2024-03-01", "2024-03-02", "2024-03-03");

    List<LandedFile> landed = join(lake.writeBars(batch, "batch-job", INGESTED, false));

    assertThat(landed).extracting(LandedFile::path).containsExactly(
        "frame=1m/symbol=SPLIT/date=2024-03-01/batch-job.parquet", "frame=1m/symbol=SPLIT/date=2024-03-02/batch-job.parquet",
        "frame=1m/symbol=SPLIT/date=2024-03-03/batch-job.parquet");
    assertThat(landed).allSatisfy(file -> assertThat(file.rowCount()).isEqualTo(3));
    Path file = lakeRoot().resolve(landed.get(1).path());
    try (var duckdb = InMemoryDuckDb.open(); Statement statement = duckdb.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      assertThat(single(statement, "SELECT string_agg(column_name || ' ' || column_type, ', ') FROM (DESCRIBE SELECT * FROM read_parquet('" + file + "', hive_partitioning = false))"))
          .isEqualTo("symbol VARCHAR, frame VARCHAR, ts TIMESTAMP WITH TIME ZONE, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, "
              + "volume DOUBLE, outlier BOOLEAN, job_id VARCHAR, ingested_at TIMESTAMP WITH TIME ZONE");
      assertThat(single(statement, "SELECT string_agg(DISTINCT symbol || '/' || frame || '/' || job_id || '/' || strftime(ingested_at, '%Y-%m-%dT%H:%M:%S.%f'), ',') "
          + "|| ' ' || min(ts)::VARCHAR || ' ' || max(ts)::VARCHAR || ' ' || bool_or(outlier) FROM read_parquet('" + file + "')"))
          .isEqualTo("SPLIT/1m/batch-job/2026-01-02T03:04:05.123456 2024-03-02 14:30:00+00 2024-03-02 14:32:00+00 true");
    }
    assertThat(landed.get(1).from()).isEqualTo(Instant.parse("2024-03-02T14:30:00Z"));
    assertThat(lakeRoot().resolve(".staging")).isEmptyDirectory();
  }

  @Test
  void whenOnePartitionOfABatchConflictsNoFileOfTheBatchStaysAndTheExistingFileIsUntouched() throws Exception {
    Map<BarPartition, List<ValidBar>> batch = batch("2024-04-01", "2024-04-02", "2024-04-03");
    BarPartition middle = new ArrayList<>(batch.keySet()).get(1);
    LandedFile existing = join(lake.writeBars(middle, "same-job", bars("2024-04-02"), INGESTED, false));

    assertThatThrownBy(() -> join(lake.writeBars(batch, "same-job", INGESTED, false))).isInstanceOf(DomainException.Conflict.class);

    assertThat(filesUnder(lakeRoot().resolve("frame=1m/symbol=SPLIT")))
        .containsExactlyInAnyOrder("date=2024-04-02/same-job.parquet", "date=2024-04-02/same-job.manifest.json");
    byte[] survivor = Files.readAllBytes(lakeRoot().resolve(existing.path()));
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(survivor)))
        .as("the surviving file is the one landed first").isEqualTo(existing.sha256());
    assertThat(lakeRoot().resolve(".staging")).isEmptyDirectory();
  }

  private Path lakeRoot() {
    return root.toAbsolutePath().normalize();
  }

  private static Map<BarPartition, List<ValidBar>> batch(String... days) {
    Map<BarPartition, List<ValidBar>> batch = new TreeMap<>((a, b) -> a.date().compareTo(b.date()));
    for (String day : days) {
      batch.put(new BarPartition(MINUTE, "SPLIT", day), bars(day));
    }
    return batch;
  }

  /** Three one-minute bars from 14:30 UTC; the last is flagged as an outlier. */
  private static List<ValidBar> bars(String day) {
    return List.of(
        new ValidBar(Instant.parse(day + "T14:30:00Z"), 10, 11, 9, 10, 100, false),
        new ValidBar(Instant.parse(day + "T14:31:00Z"), 10, 11, 9, 10.5, 200, false),
        new ValidBar(Instant.parse(day + "T14:32:00Z"), 10.5, 20, 10, 19, 300, true));
  }

  private static String single(Statement statement, String sql) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static List<String> filesUnder(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString())
          .filter(name -> !name.endsWith(".lock")).toList();
    }
  }

  /** The stage's value, or the exception it failed with, as the call itself used to give them. */
  private static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }
}
