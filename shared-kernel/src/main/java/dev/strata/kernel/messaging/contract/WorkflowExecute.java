package dev.strata.kernel.messaging.contract;

import java.util.Map;
import java.util.UUID;

/**
 * {@code workflow.execute}: start or resume an execution.
 *
 * @param executionId the execution to run; null asks the runner to create one for {@code workflowId}
 * @param resumeFromCheckpointId optional checkpoint a new execution forks from
 */
public record WorkflowExecute(
    UUID executionId, UUID workflowId, Map<String, Object> input, UUID resumeFromCheckpointId) {

  public WorkflowExecute {
    input = input == null ? Map.of() : Map.copyOf(input);
  }
}
