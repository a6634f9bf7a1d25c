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

/** The heartbeat of a job is its file's time: touching it changes nothing else; times are listed without reading jobs. */
class FileSystemJobsTest {

  private static final String ID = "0f6f1f0e-2222-4a1a-9a1a-000000000002";

  @TempDir Path registry;

  private FileSystemScoringJobs jobs() {
    return new FileSystemScoringJobs(registry, new ObjectMapper().registerModule(new JavaTimeModule()), Runnable::run);
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

    assertThat(jobs.touchedAt(ID).toCompletableFuture().join()).contains(at);
    assertThat(Files.readString(file)).isEqualTo(saved);
    assertThat(jobs.find(ID).toCompletableFuture().join()).contains(job);
  }

  @Test
  void aSaveIsAlsoAHeartbeat() {
    FileSystemScoringJobs jobs = jobs();
    Instant before = Instant.now().minusSeconds(5);
    jobs.save(ScoringJob.started(ID, 3, before));
    assertThat(jobs.touchedAt(ID).toCompletableFuture().join()).hasValueSatisfying(at -> assertThat(at).isAfter(before));
  }

  @Test
  void aJobThatIsNotStoredHasNoTimeAndATouchCreatesNothing() {
    FileSystemScoringJobs jobs = jobs();
    jobs.touch(ID, Instant.now());
    jobs.touch("../escape", Instant.now());
    assertThat(jobs.touchedAt(ID).toCompletableFuture().join()).isEmpty();
    assertThat(jobs.touchedAt("../escape").toCompletableFuture().join()).isEmpty();
    assertThat(jobs.touchTimes().toCompletableFuture().join()).isEmpty();
  }

  @Test
  void touchTimesListStoredJobsWithoutReadingThemAndADeletedJobIsGone() throws Exception {
    FileSystemScoringJobs jobs = jobs();
    jobs.save(ScoringJob.started(ID, 3, Instant.parse("2026-11-22T05:00:00Z")));
    Instant at = Instant.parse("2026-11-30T05:00:00Z");
    jobs.touch(ID, at);
    Files.writeString(registry.resolve(".jobs/scoring/not-a-job.json"), "{}");
    Files.writeString(registry.resolve(".jobs/scoring/0f6f1f0e-2222-4a1a-9a1a-000000000009.json"), "not json");

    assertThat(jobs.touchTimes().toCompletableFuture().join()).containsEntry(ID, at).hasSize(2).doesNotContainKey("not-a-job");

    jobs.delete(ID);
    jobs.delete("../escape");
    assertThat(jobs.find(ID).toCompletableFuture().join()).isEmpty();
    assertThat(jobs.touchTimes().toCompletableFuture().join()).containsOnlyKeys("0f6f1f0e-2222-4a1a-9a1a-000000000009");
  }
}
