package dev.strata.scoring.application;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.strata.scoring.domain.training.TrainingJob;
import dev.strata.scoring.domain.training.TrainingJobs;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Training jobs in a map, for use-case tests. */
final class InMemoryTrainingJobs implements TrainingJobs {

  final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();
  final Map<String, Instant> touched = new ConcurrentHashMap<>();
  /** The time a save stamps on the record, as a file's time would be. */
  Instant now = Instant.now();

  public CompletionStage<Void> save(TrainingJob job) { jobs.put(job.id(), job); touched.put(job.id(), now); return done(); }

  /** How many times a job was read, to show what a pass reads. */
  int finds;

  public CompletionStage<Optional<TrainingJob>> find(String id) { finds++; return completedFuture(Optional.ofNullable(jobs.get(id))); }

  public CompletionStage<Void> touch(String id, Instant at) { touched.computeIfPresent(id, (k, v) -> at); return done(); }

  public CompletionStage<Optional<Instant>> touchedAt(String id) { return completedFuture(Optional.ofNullable(touched.get(id))); }

  public CompletionStage<Map<String, Instant>> touchTimes() { return completedFuture(Map.copyOf(touched)); }

  public CompletionStage<Void> delete(String id) { jobs.remove(id); touched.remove(id); return done(); }

  private static CompletionStage<Void> done() { return completedFuture(null); }
}
