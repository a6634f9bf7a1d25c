package dev.strata.agent.application;

import java.util.UUID;

/** Another delivery holds the execution's lease: this one must wait for it to end or expire. */
public final class ExecutionBusy extends RuntimeException {

  public ExecutionBusy(UUID executionId) {
    super("execution " + executionId + " is being run by another delivery", null, false, false);
  }

  /** True when {@code failure} is, or wraps, an {@link ExecutionBusy} (futures wrap what they carry). */
  static boolean in(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ExecutionBusy) {
        return true;
      }
    }
    return false;
  }
}
