package dev.strata.scoring.application;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.strata.scoring.domain.scoring.ScoringJob;
import dev.strata.scoring.domain.scoring.ScoringJobs;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Scoring jobs in a map, for use-case tests; keeps every saved state in order. */
final class InMemoryScoringJobs implements ScoringJobs {

  final Map<String, ScoringJob> jobs = new ConcurrentHashMap<>();
  final Map<String, Instant> touched = new ConcurrentHashMap<>();
  /** The time a save stamps on the record, as a file's time would be. */
  Instant now = Instant.now();
  final List<ScoringJob> saved = new ArrayList<>();

  public synchronized CompletionStage<Void> save(ScoringJob job) { jobs.put(job.id(), job); touched.put(job.id(), now); saved.add(job); return done(); }

  public CompletionStage<Optional<ScoringJob>> find(String id) { return completedFuture(Optional.ofNullable(jobs.get(id))); }

  public CompletionStage<Void> touch(String id, Instant at) { touched.computeIfPresent(id, (k, v) -> at); return done(); }

  public CompletionStage<Optional<Instant>> touchedAt(String id) { return completedFuture(Optional.ofNullable(touched.get(id))); }

  public CompletionStage<Map<String, Instant>> touchTimes() { return completedFuture(Map.copyOf(touched)); }

  public CompletionStage<Void> delete(String id) { jobs.remove(id); touched.remove(id); return done(); }

  private static CompletionStage<Void> done() { return completedFuture(null); }
}
