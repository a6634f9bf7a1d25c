package dev.strata.agent.domain.workflow;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ordered steps of a workflow. A step may only address steps before it, which keeps the
 * graph acyclic: a reference to itself or a later step is a cycle, to no step a dangling one.
 */
public record WorkflowDefinition(List<Step> steps) {

  public WorkflowDefinition {
    steps = List.copyOf(steps == null ? List.of() : steps);
    validate(steps);
  }

  private static void validate(List<Step> steps) {
    if (steps.isEmpty() || steps.size() > 100) {
      throw new DomainException.Invalid("a workflow has 1..100 steps");
    }
    Set<String> all = new HashSet<>();
    steps.forEach(step -> all.add(SafeName.IDENTIFIER.require(step.id())));
    if (all.size() != steps.size()) {
      throw new DomainException.Invalid("step ids must be unique");
    }
    Set<String> earlier = new HashSet<>();
    for (Step step : steps) {
      for (String required : step.kind().required()) {
        if (step.param(required, "").isBlank()) {
          throw new DomainException.Invalid("step '" + step.id() + "' (" + step.kind().wireName() + ") needs '" + required + "'");
        }
      }
      if (step.kind() == StepKind.HTTP) {
        HttpStepUrl.requireSavable(step.param("url", ""));
      }
      for (Object value : step.params().values()) {
        for (String ref : Templates.stepReferences(String.valueOf(value))) {
          if (!all.contains(ref)) {
            throw new DomainException.Invalid("step '" + step.id() + "' refers to unknown step '" + ref + "'");
          }
          if (!earlier.contains(ref)) {
            throw new DomainException.Invalid("step '" + step.id() + "' refers to '" + ref + "', which does not run before it (cycle)");
          }
        }
      }
      earlier.add(step.id());
    }
  }
}
