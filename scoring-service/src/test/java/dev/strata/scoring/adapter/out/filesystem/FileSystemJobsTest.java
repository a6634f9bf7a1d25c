package dev.strata.scoring.adapter.out.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.strata.scoring.domain.scoring.ScoringJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heartbeat of a job is its file's time: touching it changes nothing else. */
class FileSystemJobsTest {

  private static final String ID = "0f6f1f0e-2222-4a1a-9a1a-000000000002";

  @TempDir Path registry;

  private FileSystemScoringJobs jobs() {
    return new FileSystemScoringJobs(registry, new ObjectMapper().registerModule(new JavaTimeModule()));
  }

  @Test
  void aTouchMovesTheJobsTimeAndLeavesItsRecordAsItWas() throws Exception {
    FileSystemScoringJobs jobs = jobs();
    ScoringJob job = ScoringJob.started(ID, 3, Instant.parse("2026-11-22T05:00:00Z")).progressed(1, 1000);
    jobs.save(job);
    Path file = registry.resolve(".jobs/scoring/" + ID + ".json");
    String saved = Files.readString(file);
    Instant at = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

    jobs.touch(ID, at);

    assertThat(jobs.touchedAt(ID)).contains(at);
    assertThat(Files.readString(file)).isEqualTo(saved);
    assertThat(jobs.find(ID)).contains(job);
  }

  @Test
  void aSaveIsAlsoAHeartbeat() {
    FileSystemScoringJobs jobs = jobs();
    Instant before = Instant.now().minusSeconds(5);
    jobs.save(ScoringJob.started(ID, 3, before));
    assertThat(jobs.touchedAt(ID)).hasValueSatisfying(at -> assertThat(at).isAfter(before));
  }

  @Test
  void aJobThatIsNotStoredHasNoTimeAndATouchCreatesNothing() {
    FileSystemScoringJobs jobs = jobs();
    jobs.touch(ID, Instant.now());
    jobs.touch("../escape", Instant.now());
    assertThat(jobs.touchedAt(ID)).isEmpty();
    assertThat(jobs.touchedAt("../escape")).isEmpty();
    assertThat(jobs.all()).isEmpty();
  }
}
