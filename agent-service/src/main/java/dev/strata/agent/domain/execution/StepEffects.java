package dev.strata.agent.domain.execution;

import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The outside world a step of one kind reaches (HTTP endpoint, LLM gateway, scoring, warehouse),
 * given the step with its parameters already rendered. Answers the step's output.
 */
@FunctionalInterface
public interface StepEffects {

  CompletionStage<Object> perform(Step renderedStep, Map<String, Object> input);

  /** Which kinds this effect serves. */
  record Registry(Map<StepKind, StepEffects> byKind) {}
}
