package dev.strata.scoring.adapter.out.filesystem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scoring.domain.scoring.ScoringJob;
import dev.strata.scoring.domain.scoring.ScoringJobs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Asynchronous scoring jobs and their results as {@code <registry>/.jobs/scoring/<id>.json} (a hidden folder the registry never lists). */
public class FileSystemScoringJobs implements ScoringJobs {

  private final JsonFileStore<ScoringJob> files;

  public FileSystemScoringJobs(Path registryRoot, ObjectMapper json) {
    this.files = new JsonFileStore<>(registryRoot.resolve(".jobs").resolve("scoring"), json, ScoringJob.class);
  }

  @Override
  public void save(ScoringJob job) {
    files.save(job.id(), job);
  }

  @Override
  public Optional<ScoringJob> find(String id) {
    return files.find(id);
  }

  @Override
  public void touch(String id, Instant now) {
    files.touch(id, now);
  }

  @Override
  public Optional<Instant> touchedAt(String id) {
    return files.touchedAt(id);
  }

  @Override
  public List<ScoringJob> all() {
    return files.all();
  }
}
