package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.ingest.settings.IngestConfig;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.OPERATOR)
class LakeSafetyIT {

  private static final String AAPL = TestData.resource("aapl-daily-2013-q1.csv");

  @Inject IngestConfig config;

  @Test
  void aWriterKilledBetweenTheTempWriteAndTheRenameLeavesNoVisibleFileAndTheNextWriterSweepsItsTemp() throws Exception {
    Path partition = config.lake().root().resolve("frame=1d/symbol=CRASH/date=2013");
    Process crashing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CrashingLakeWriter.class.getName(),
        config.lake().root().toString(), "CRASH", "crashed-job")
        .redirectErrorStream(true).start();
    assertThat(crashing.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(crashing.exitValue()).as(new String(crashing.getInputStream().readAllBytes())).isEqualTo(CrashingLakeWriter.CRASH_EXIT);

    assertThat(filesIn(partition)).singleElement().satisfies(name -> assertThat(name).startsWith(".tmp-"));
    assertThat(given().get("/bars/CRASH?frame=1d").then().statusCode(200).extract().asString()).isEmpty();

    given().contentType("text/csv").body(AAPL).post("/bars?symbol=CRASH&frame=1d&jobId=after-crash").then().statusCode(201);

    assertThat(filesIn(partition)).containsExactlyInAnyOrder("after-crash.parquet", "after-crash.manifest.json");
    assertThat(given().get("/bars/CRASH?frame=1d").then().extract().asString().lines()).hasSize(40);
  }

  @Test
  void concurrentWritersToOnePartitionEachLandAWholeFileAndReadersSeeEveryBarOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int writer = 0; writer < 6; writer++) {
      String jobId = "concurrent-" + writer;
      statuses.add(pool.submit(() -> given().contentType("text/csv").body(AAPL)
          .post("/bars?symbol=CONC&frame=1d&jobId=" + jobId).statusCode()));
    }
    for (Future<Integer> status : statuses) {
      assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(201);
    }
    pool.shutdown();

    Path partition = config.lake().root().resolve("frame=1d/symbol=CONC/date=2013");
    assertThat(filesIn(partition).stream().filter(name -> name.endsWith(".parquet"))).hasSize(6);
    assertThat(filesIn(partition).stream().filter(name -> name.startsWith(".tmp-"))).isEmpty();
    assertThat(given().get("/bars/CONC?frame=1d").then().extract().asString().lines()).hasSize(40);
  }

  @Test
  void theSameJobIdSubmittedConcurrentlyLandsOnceAndNeverFailsAsAServerError() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int writer = 0; writer < 4; writer++) {
      statuses.add(pool.submit(() -> given().contentType("text/csv").body(AAPL)
          .post("/bars?symbol=SAME&frame=1d&jobId=same-job").statusCode()));
    }
    List<Integer> codes = new ArrayList<>();
    for (Future<Integer> status : statuses) {
      codes.add(status.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(codes).isSubsetOf(201, 200, 409);
    assertThat(codes).filteredOn(code -> code == 201).hasSize(1);
    assertThat(filesIn(config.lake().root().resolve("frame=1d/symbol=SAME/date=2013")))
        .containsExactlyInAnyOrder("same-job.parquet", "same-job.manifest.json");
  }

  private static List<String> filesIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> !name.equals(".lock")).toList();
    }
  }
}
