package dev.strata.scoring.application;

import dev.strata.scoring.domain.scoring.ScoringJob;
import dev.strata.scoring.domain.scoring.ScoringJobs;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Scoring jobs in a map, for use-case tests; keeps every saved state in order. */
final class InMemoryScoringJobs implements ScoringJobs {

  final Map<String, ScoringJob> jobs = new ConcurrentHashMap<>();
  final Map<String, Instant> touched = new ConcurrentHashMap<>();
  /** The time a save stamps on the record, as a file's time would be. */
  Instant now = Instant.now();
  final List<ScoringJob> saved = new ArrayList<>();

  public synchronized void save(ScoringJob job) { jobs.put(job.id(), job); touched.put(job.id(), now); saved.add(job); }

  public Optional<ScoringJob> find(String id) { return Optional.ofNullable(jobs.get(id)); }

  public void touch(String id, Instant at) { touched.computeIfPresent(id, (k, v) -> at); }

  public Optional<Instant> touchedAt(String id) { return Optional.ofNullable(touched.get(id)); }

  public Map<String, Instant> touchTimes() { return Map.copyOf(touched); }

  public void delete(String id) { jobs.remove(id); touched.remove(id); }
}
