package dev.strata.scoring.domain.scoring;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where asynchronous scoring jobs and their results are kept, so they outlive the process. */
public interface ScoringJobs {

  /** Stores the job's current state, replacing any earlier one, all at once (a reader never sees half). */
  CompletionStage<Void> save(ScoringJob job);

  /** The job, or empty when no job has that id. */
  CompletionStage<Optional<ScoringJob>> find(String id);

  /**
   * Marks the job as still worked on at {@code now} (its runner's heartbeat) without changing it; a job
   * no longer stored is left alone.
   */
  CompletionStage<Void> touch(String id, Instant now);

  /** When the job was last saved or touched; empty when no job has that id. */
  CompletionStage<Optional<Instant>> touchedAt(String id);

  /**
   * Every stored job's id with when it was last saved or touched, without reading the jobs themselves
   * (they can be large: a scoring job holds its result).
   */
  CompletionStage<Map<String, Instant>> touchTimes();

  /** Forgets the job; a job not stored is left alone. */
  CompletionStage<Void> delete(String id);
}
