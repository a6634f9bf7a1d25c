package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.workflow.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A workflow as the API shows it. */
public record WorkflowView(
    UUID id, String name, String description, UUID agentId, List<StepView> steps, long version,
    Instant createdAt, Instant updatedAt) {

  /** One step as the API shows it. */
  public record StepView(String id, String kind, Map<String, Object> params) {}

  static WorkflowView of(Workflow w) {
    return new WorkflowView(w.id(), w.name(), w.description(), w.agentId(),
        w.definition().steps().stream().map(s -> new StepView(s.id(), s.kind().wireName(), s.params())).toList(),
        w.version(), w.createdAt(), w.updatedAt());
  }
}
