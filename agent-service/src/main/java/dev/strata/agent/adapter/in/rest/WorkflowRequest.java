package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.domain.workflow.WorkflowDefinition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Body of {@code POST /workflows} and {@code PUT /workflows/{id}}: ordered steps, each of a kind
 * ({@code llm, http, score, warehouse-query, notify, template}); later steps address earlier
 * outputs as {@code {{steps.<id>}}} and the input as {@code {{input.<key>}}}.
 */
public record WorkflowRequest(
    @NotBlank @Size(max = 100) String name,
    @Size(max = 2000) String description,
    UUID agentId,
    @NotEmpty @Size(max = 100) List<@Valid StepRequest> steps,
    @PositiveOrZero Long version) {

  /** One step of the request. */
  public record StepRequest(@NotBlank @Size(max = 64) String id, @NotBlank String kind, Map<String, Object> params) {}

  WorkflowDefinition definition() {
    return new WorkflowDefinition(steps.stream().map(s -> new Step(s.id(), StepKind.of(s.kind()), s.params())).toList());
  }
}
