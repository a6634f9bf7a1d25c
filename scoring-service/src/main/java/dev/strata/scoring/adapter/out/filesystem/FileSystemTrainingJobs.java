package dev.strata.scoring.adapter.out.filesystem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scoring.domain.training.TrainingJob;
import dev.strata.scoring.domain.training.TrainingJobs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Training jobs as {@code <registry>/.jobs/training/<id>.json} (a hidden folder the registry never lists). */
public class FileSystemTrainingJobs implements TrainingJobs {

  private final JsonFileStore<TrainingJob> files;

  public FileSystemTrainingJobs(Path registryRoot, ObjectMapper json) {
    this.files = new JsonFileStore<>(registryRoot.resolve(".jobs").resolve("training"), json, TrainingJob.class);
  }

  @Override
  public void save(TrainingJob job) {
    files.save(job.id(), job);
  }

  @Override
  public Optional<TrainingJob> find(String id) {
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
  public List<TrainingJob> all() {
    return files.all();
  }
}
