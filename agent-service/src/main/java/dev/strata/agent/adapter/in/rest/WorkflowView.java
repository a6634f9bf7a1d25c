package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.agent.domain.workflow.WorkflowDefinition;
import dev.strata.agent.domain.workflow.WorkflowVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A workflow as the API shows it. */
public record WorkflowView(
    UUID id, String name, String description, UUID agentId, List<StepView> steps, long version,
    Instant createdAt, Instant updatedAt) {

  /** One step as the API shows it. */
  public record StepView(String id, String kind, Map<String, Object> params) {

    static List<StepView> of(WorkflowDefinition definition) {
      return definition.steps().stream().map(s -> new StepView(s.id(), s.kind().wireName(), s.params())).toList();
    }
  }

  /** One stored version of a workflow's definition. */
  public record WorkflowVersionView(UUID workflowId, long version, List<StepView> steps, Instant createdAt) {

    static WorkflowVersionView of(WorkflowVersion v) {
      return new WorkflowVersionView(v.workflowId(), v.version(), StepView.of(v.definition()), v.createdAt());
    }
  }

  static WorkflowView of(Workflow w) {
    return new WorkflowView(w.id(), w.name(), w.description(), w.agentId(), StepView.of(w.definition()), w.version(), w.createdAt(),
        w.updatedAt());
  }
}
