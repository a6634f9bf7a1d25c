package dev.strata.scoring.adapter.out.filesystem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scoring.domain.scoring.ScoringJob;
import dev.strata.scoring.domain.scoring.ScoringJobs;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/** Asynchronous scoring jobs and their results as {@code <registry>/.jobs/scoring/<id>.json}. */
public class FileSystemScoringJobs extends FileSystemJobs<ScoringJob> implements ScoringJobs {

  public FileSystemScoringJobs(Path registryRoot, ObjectMapper json, Executor executor) {
    super(registryRoot, "scoring", json, ScoringJob.class, ScoringJob::id, executor);
  }
}
