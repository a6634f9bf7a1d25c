package dev.strata.e2e.chaos;

import java.time.Duration;

/**
 * What one experiment measured: the pieces of work offered, those found done exactly once, those
 * missing and those done more than once, and how long after the fault ended the last piece was done
 * with every service READY.
 *
 * @param failure the assertion that failed, or null
 */
public record Outcome(String experiment, long offered, long exactlyOnce, long lost, long duplicated,
                      Duration recovery, String notes, String failure) {

  public Outcome withFailure(String message) {
    return new Outcome(experiment, offered, exactlyOnce, lost, duplicated, recovery, notes, message);
  }

  /** The suite's verdict: nothing lost, nothing twice, everything offered accounted for. */
  public boolean clean() {
    return failure == null && lost == 0 && duplicated == 0 && exactlyOnce == offered;
  }
}
