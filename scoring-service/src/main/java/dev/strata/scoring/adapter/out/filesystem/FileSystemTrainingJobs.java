package dev.strata.scoring.adapter.out.filesystem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scoring.domain.training.TrainingJob;
import dev.strata.scoring.domain.training.TrainingJobs;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/** Training jobs as {@code <registry>/.jobs/training/<id>.json}. */
public class FileSystemTrainingJobs extends FileSystemJobs<TrainingJob> implements TrainingJobs {

  public FileSystemTrainingJobs(Path registryRoot, ObjectMapper json, Executor executor) {
    super(registryRoot, "training", json, TrainingJob.class, TrainingJob::id, executor);
  }
}
