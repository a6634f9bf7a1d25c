package dev.strata.agent.domain.execution;

/** Where an execution is; the last three are terminal. */
public enum ExecutionStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean terminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
