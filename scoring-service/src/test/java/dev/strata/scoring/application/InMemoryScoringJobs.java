package dev.strata.scoring.application;

import dev.strata.scoring.domain.scoring.ScoringJob;
import dev.strata.scoring.domain.scoring.ScoringJobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Scoring jobs in a map, for use-case tests; keeps every saved state in order. */
final class InMemoryScoringJobs implements ScoringJobs {

  final Map<String, ScoringJob> jobs = new ConcurrentHashMap<>();
  final List<ScoringJob> saved = new ArrayList<>();

  public synchronized void save(ScoringJob job) { jobs.put(job.id(), job); saved.add(job); }

  public Optional<ScoringJob> find(String id) { return Optional.ofNullable(jobs.get(id)); }

  public List<ScoringJob> all() { return List.copyOf(jobs.values()); }
}
