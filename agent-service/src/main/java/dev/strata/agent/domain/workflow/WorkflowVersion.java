package dev.strata.agent.domain.workflow;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A workflow's definition as it was at one version: what the executions started on that version run. */
public record WorkflowVersion(UUID workflowId, long version, WorkflowDefinition definition, Instant createdAt) {

  public WorkflowVersion {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(definition, "definition");
  }
}
