package dev.strata.scoring.application;

import dev.strata.scoring.domain.training.TrainingJob;
import dev.strata.scoring.domain.training.TrainingJobs;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Training jobs in a map, for use-case tests. */
final class InMemoryTrainingJobs implements TrainingJobs {

  final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();
  final Map<String, Instant> touched = new ConcurrentHashMap<>();
  /** The time a save stamps on the record, as a file's time would be. */
  Instant now = Instant.now();

  public void save(TrainingJob job) { jobs.put(job.id(), job); touched.put(job.id(), now); }

  /** How many times a job was read, to show what a pass reads. */
  int finds;

  public Optional<TrainingJob> find(String id) { finds++; return Optional.ofNullable(jobs.get(id)); }

  public void touch(String id, Instant at) { touched.computeIfPresent(id, (k, v) -> at); }

  public Optional<Instant> touchedAt(String id) { return Optional.ofNullable(touched.get(id)); }

  public Map<String, Instant> touchTimes() { return Map.copyOf(touched); }

  public void delete(String id) { jobs.remove(id); touched.remove(id); }
}
