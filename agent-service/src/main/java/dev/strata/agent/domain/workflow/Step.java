package dev.strata.agent.domain.workflow;

import java.util.Map;
import java.util.Objects;

/** One step: an id later steps address as {@code {{steps.<id>}}}, a kind and its parameters. */
public record Step(String id, StepKind kind, Map<String, Object> params) {

  public Step {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    params = params == null ? Map.of() : Map.copyOf(params);
  }

  /** A parameter as text, or {@code fallback} when absent. */
  public String param(String name, String fallback) {
    Object value = params.get(name);
    return value == null ? fallback : value.toString();
  }
}
