package dev.strata.scoring.domain.scoring;

/** Told after every chunk of a scoring run. */
@FunctionalInterface
public interface ScoringProgress {

  /**
   * @param chunksDone chunks scored so far
   * @param chunksTotal chunks in the run, or null while unknown
   * @param rowsScored customers scored so far
   * @param rowsInChunk customers scored by the chunk just done
   */
  void chunkDone(int chunksDone, Integer chunksTotal, int rowsScored, int rowsInChunk);

  ScoringProgress NONE = (done, total, rows, chunk) -> {};
}
