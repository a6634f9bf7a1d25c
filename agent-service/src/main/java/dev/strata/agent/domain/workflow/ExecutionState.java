package dev.strata.agent.domain.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an execution knows after some steps: its input and each completed step's output by step
 * id. This is what a checkpoint stores.
 */
public record ExecutionState(Map<String, Object> input, Map<String, Object> outputs) {

  public ExecutionState {
    input = input == null ? Map.of() : Map.copyOf(input);
    outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  public static ExecutionState start(Map<String, Object> input) {
    return new ExecutionState(input, Map.of());
  }

  public ExecutionState with(String stepId, Object output) {
    Map<String, Object> next = new LinkedHashMap<>(outputs);
    next.put(stepId, output == null ? "" : output);
    return new ExecutionState(input, next);
  }
}
