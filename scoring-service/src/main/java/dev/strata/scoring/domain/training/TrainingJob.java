package dev.strata.scoring.domain.training;

import java.time.Instant;
import java.util.Map;

/**
 * One training run and how far it got. Invariant: a finished job has either a registered
 * version (and whether it became champion) or an error, never both.
 *
 * @param stage what the run is doing now: queued, fetching, training, evaluating, registering, done
 * @param rows the labelled rows read so far
 */
public record TrainingJob(
    String id, String model, State state, String stage, int rows, Instant startedAt,
    String version, Boolean promoted, Map<String, Double> metrics, String error) {

  public enum State { RUNNING, SUCCEEDED, FAILED }

  /** The error of a job whose process stopped while it ran. */
  public static final String INTERRUPTED = "interrupted by restart";

  public static TrainingJob queued(String id, String model, Instant now) {
    return new TrainingJob(id, model, State.RUNNING, "queued", 0, now, null, null, Map.of(), null);
  }

  public TrainingJob at(String newStage, int rowsSoFar) {
    return new TrainingJob(id, model, state, newStage, rowsSoFar, startedAt, null, null, metrics, null);
  }

  public TrainingJob succeeded(String registeredVersion, boolean champion, Map<String, Double> evaluation) {
    return new TrainingJob(id, model, State.SUCCEEDED, "done", rows, startedAt, registeredVersion, champion, evaluation, null);
  }

  /** A job a previous process was running when it stopped: it will never finish. */
  public TrainingJob interrupted() {
    return failed(INTERRUPTED);
  }

  public boolean running() {
    return state == State.RUNNING;
  }

  public TrainingJob failed(String message) {
    return new TrainingJob(id, model, State.FAILED, stage, rows, startedAt, null, null, metrics, message);
  }
}
