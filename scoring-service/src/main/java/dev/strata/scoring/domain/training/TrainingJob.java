package dev.strata.scoring.domain.training;

import java.time.Instant;
import java.util.Map;

/**
 * One training run and how far it got. Invariant: a finished job has either a registered
 * version (and whether it became champion) or an error, never both.
 *
 * @param stage what the run is doing now: queued, fetching, training, evaluating, registering, done
 * @param rows the labelled rows read so far
 * @param startedBy the principal who started the run (the actor of the alias move it makes)
 * @param decision why the version was or was not promoted
 * @param champion the champion the run competed with, evaluated on the run's held-out rows; null when there was none
 */
public record TrainingJob(
    String id, String model, State state, String stage, int rows, Instant startedAt,
    String version, Boolean promoted, Map<String, Double> metrics, String error,
    String startedBy, String decision, Incumbent champion) {

  public enum State { RUNNING, SUCCEEDED, FAILED }

  /** The error of a job whose process stopped while it ran. */
  public static final String INTERRUPTED = "interrupted by restart";

  public static TrainingJob queued(String id, String model, Instant now) {
    return queued(id, model, null, now);
  }

  public static TrainingJob queued(String id, String model, String startedBy, Instant now) {
    return new TrainingJob(id, model, State.RUNNING, "queued", 0, now, null, null, Map.of(), null, startedBy, null, null);
  }

  public TrainingJob at(String newStage, int rowsSoFar) {
    return new TrainingJob(id, model, state, newStage, rowsSoFar, startedAt, null, null, metrics, null, startedBy, null, null);
  }

  public TrainingJob succeeded(String registeredVersion, boolean promote, Map<String, Double> evaluation) {
    return new TrainingJob(id, model, State.SUCCEEDED, "done", rows, startedAt, registeredVersion, promote, evaluation, null,
        startedBy, decision, champion);
  }

  /** The promotion decision and the champion it was measured against, saved before the outcome. */
  public TrainingJob decided(String why, Incumbent against) {
    return new TrainingJob(id, model, state, stage, rows, startedAt, version, promoted, metrics, error, startedBy, why, against);
  }

  /** A job a previous process was running when it stopped: it will never finish. */
  public TrainingJob interrupted() {
    return failed(INTERRUPTED);
  }

  public boolean running() {
    return state == State.RUNNING;
  }

  public TrainingJob failed(String message) {
    return new TrainingJob(id, model, State.FAILED, stage, rows, startedAt, null, null, metrics, message, startedBy, decision, champion);
  }
}
