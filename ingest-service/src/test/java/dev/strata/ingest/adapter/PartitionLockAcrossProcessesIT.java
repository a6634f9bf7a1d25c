package dev.strata.ingest.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.strata.ingest.adapter.out.parquet.BarSql;
import dev.strata.ingest.adapter.out.parquet.DuckDbLakeReader;
import dev.strata.ingest.adapter.out.parquet.ParquetBronzeLake;
import dev.strata.ingest.adapter.out.parquet.WriteSeams;
import dev.strata.ingest.domain.lake.LakeReader.BarQuery;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.ingest.domain.lake.StoredBar;
import dev.strata.kernel.error.DomainException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import dev.strata.ingest.adapter.out.parquet.InMemoryDuckDb;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two OS processes writing one partition: this test's JVM and a {@link LockHoldingLakeWriter} that
 * stops with the partition lock held. The processes synchronise through the writer's stdout/stdin
 * and the lake's own "waiting for another process" seam, never through sleeps.
 */
class PartitionLockAcrossProcessesIT {

  private static final String SYMBOL = "XPROC";
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  @TempDir Path root;
  private Process other;

  @AfterEach
  void stopTheOtherProcess() {
    if (other != null) {
      other.destroyForcibly();
    }
  }

  @Test
  void aWriterWaitsWhileAnotherProcessHoldsThePartitionAndBothFilesLandWholeWithOneBarPerTsOnRead() throws Exception {
    BufferedReader otherOut = startOtherWriter("other-job", 10.0);
    String holding = otherOut.readLine();
    assertThat(holding).as("the other process holds the partition lock with its temp file written").startsWith(LockHoldingLakeWriter.HOLDING);

    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<LandedFile> ours = CompletableFuture.supplyAsync(() -> lakeSignalling(waiting)
        .writeBars(LockHoldingLakeWriter.partition(SYMBOL), "our-job", LockHoldingLakeWriter.bars(20.0), Instant.now(), false)
        .toCompletableFuture().join());

    assertThat(waiting.await(60, TimeUnit.SECONDS)).as(() -> "our writer found the lock taken by the other process: " + ours).isTrue();
    assertThat(ours).isNotDone();
    assertThat(visibleFiles()).as("while waiting, our writer touched nothing: not even the other's temp file").isEmpty();
    assertThat(filesIn(partition())).containsExactly(holding.substring(LockHoldingLakeWriter.HOLDING.length() + 1));

    release(other);
    assertThat(otherOut.readLine()).isEqualTo(LockHoldingLakeWriter.LANDED);
    assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
    ours.get(60, TimeUnit.SECONDS);

    assertThat(filesIn(partition())).containsExactlyInAnyOrder(
        "other-job.parquet", "other-job.manifest.json", "our-job.parquet", "our-job.manifest.json");
    assertWholeAsItsManifestSays("other-job");
    assertWholeAsItsManifestSays("our-job");
    List<StoredBar> read = readBack();
    assertThat(read).extracting(StoredBar::ts).doesNotHaveDuplicates().hasSize(3);
    assertThat(read).as("the later ingestion wins").extracting(StoredBar::close).containsOnly(20.0);
  }

  @Test
  void theSameJobFromTwoProcessesLandsOnceAndTheWaiterFailsWithAConflict() throws Exception {
    BufferedReader otherOut = startOtherWriter("same-job", 10.0);
    assertThat(otherOut.readLine()).startsWith(LockHoldingLakeWriter.HOLDING);

    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<LandedFile> ours = CompletableFuture.supplyAsync(() -> lakeSignalling(waiting)
        .writeBars(LockHoldingLakeWriter.partition(SYMBOL), "same-job", LockHoldingLakeWriter.bars(20.0), Instant.now(), false)
        .toCompletableFuture().join());
    assertThat(waiting.await(60, TimeUnit.SECONDS)).as(() -> "our writer found the lock taken: " + ours).isTrue();

    release(other);
    assertThat(otherOut.readLine()).isEqualTo(LockHoldingLakeWriter.LANDED);
    assertThatThrownBy(() -> ours.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(DomainException.Conflict.class);

    assertThat(filesIn(partition())).containsExactlyInAnyOrder("same-job.parquet", "same-job.manifest.json");
    assertWholeAsItsManifestSays("same-job");
    assertThat(readBack()).extracting(StoredBar::close).as("the first writer's file is untouched").containsOnly(10.0);
  }

  private BufferedReader startOtherWriter(String jobId, double close) throws Exception {
    other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LockHoldingLakeWriter.class.getName(),
        root.toString(), SYMBOL, jobId, Double.toString(close))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    return new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
  }

  private static void release(Process process) throws Exception {
    Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    in.write("go\n");
    in.flush();
  }

  private ParquetBronzeLake lakeSignalling(CountDownLatch waiting) {
    return new ParquetBronzeLake(root, JSON, new WriteSeams() {
      @Override
      public void waitingForAnotherProcess(Path partition) {
        waiting.countDown();
      }
    }, Runnable::run);
  }

  private void assertWholeAsItsManifestSays(String jobId) throws Exception {
    Path parquet = partition().resolve(jobId + ".parquet");
    JsonNode manifest = JSON.readTree(partition().resolve(jobId + ".manifest.json").toFile());
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(parquet)));
    assertThat(manifest.get("sha256").asText()).isEqualTo(sha256);
    try (var duckdb = InMemoryDuckDb.open();
        Statement statement = duckdb.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM read_parquet('" + parquet + "')")) {
      count.next();
      assertThat(count.getLong(1)).isEqualTo(manifest.get("rows").asLong()).isEqualTo(3);
    }
  }

  private List<StoredBar> readBack() {
    List<StoredBar> bars = new ArrayList<>();
    new DuckDbLakeReader(root, new BarSql(ZoneId.of("America/New_York"), LocalTime.of(9, 30), LocalTime.of(16, 0)), Runnable::run)
        .bars(new BarQuery(SYMBOL, "1d", Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2014-01-01T00:00:00Z"), null), bars::add)
        .toCompletableFuture().join();
    return bars;
  }

  private Path partition() {
    return root.resolve(LockHoldingLakeWriter.partition(SYMBOL).folder());
  }

  private List<String> visibleFiles() throws Exception {
    return filesIn(partition()).stream().filter(name -> !name.startsWith(".")).toList();
  }

  private static List<String> filesIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> !name.equals(".lock")).toList();
    }
  }
}
