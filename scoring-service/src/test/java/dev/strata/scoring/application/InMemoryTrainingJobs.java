package dev.strata.scoring.application;

import dev.strata.scoring.domain.training.TrainingJob;
import dev.strata.scoring.domain.training.TrainingJobs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Training jobs in a map, for use-case tests. */
final class InMemoryTrainingJobs implements TrainingJobs {

  final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();

  public void save(TrainingJob job) { jobs.put(job.id(), job); }

  public Optional<TrainingJob> find(String id) { return Optional.ofNullable(jobs.get(id)); }

  public List<TrainingJob> all() { return List.copyOf(jobs.values()); }
}
