package dev.strata.scoring.domain.scoring;

import dev.strata.kernel.api.CustomerScores;
import java.time.Instant;

/**
 * A customer scoring run that answers later ({@code Prefer: respond-async}) and how far it got.
 * Invariant: a SUCCEEDED job holds its result, a FAILED one an error, a RUNNING one neither.
 *
 * @param chunksTotal chunks the run will take; null while unknown (scoring every active customer
 *     pages through the warehouse without knowing how many pages there are)
 * @param rowsScored customers scored so far
 */
public record ScoringJob(
    String id, State state, int chunksDone, Integer chunksTotal, int rowsScored,
    Instant startedAt, Instant finishedAt, CustomerScores result, String error) {

  public enum State { RUNNING, SUCCEEDED, FAILED }

  public static ScoringJob started(String id, Integer chunksTotal, Instant now) {
    return new ScoringJob(id, State.RUNNING, 0, chunksTotal, 0, now, null, null, null);
  }

  public ScoringJob progressed(int chunks, int rows) {
    return new ScoringJob(id, state, chunks, chunksTotal, rows, startedAt, null, null, null);
  }

  public ScoringJob succeeded(CustomerScores scores, Instant now) {
    return new ScoringJob(id, State.SUCCEEDED, chunksDone, chunksDone, scores.scores().size(), startedAt, now, scores, null);
  }

  public ScoringJob failed(String message, Instant now) {
    return new ScoringJob(id, State.FAILED, chunksDone, chunksTotal, rowsScored, startedAt, now, null, message);
  }

  public boolean running() {
    return state == State.RUNNING;
  }
}
