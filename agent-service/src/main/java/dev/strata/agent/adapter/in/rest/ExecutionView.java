package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An execution as the API shows it. */
public record ExecutionView(
    UUID id, UUID workflowId, Long workflowVersion, ExecutionStatus status, Map<String, Object> input, Object output, String error,
    UUID forkedFrom, int nextStep, long version, Instant createdAt, Instant updatedAt) {

  static ExecutionView of(Execution e) {
    return new ExecutionView(e.id(), e.workflowId(), e.workflowVersion(), e.status(), e.input(), e.output(), e.error(), e.forkedFrom(),
        e.nextStep(), e.version(), e.createdAt(), e.updatedAt());
  }

  /** A checkpoint as the API shows it. */
  public record CheckpointView(
      UUID id, UUID executionId, int stepIndex, String stepId, Map<String, Object> input, Map<String, Object> outputs,
      UUID parentId, Instant createdAt) {

    static CheckpointView of(Checkpoint c) {
      return new CheckpointView(c.id(), c.executionId(), c.stepIndex(), c.stepId(), c.state().input(), c.state().outputs(), c.parentId(), c.createdAt());
    }
  }

  /** Body of a start request. */
  public record StartRequest(Map<String, Object> input) {}
}
