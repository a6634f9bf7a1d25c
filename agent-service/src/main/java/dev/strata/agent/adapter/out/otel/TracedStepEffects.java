package dev.strata.agent.adapter.out.otel;

import dev.strata.agent.domain.execution.StepEffects;
import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A step's effect as a span of the execution's trace, one per attempt, current while the effect starts its
 * work, so the requests it makes (scoring, warehouse, an HTTP endpoint, the LLM) are its children.
 */
public final class TracedStepEffects implements StepEffects {

  private final Tracer tracer;
  private final StepEffects effect;

  private TracedStepEffects(Tracer tracer, StepEffects effect) {
    this.tracer = tracer;
    this.effect = effect;
  }

  /** Every effect of the registry, traced. */
  public static Map<StepKind, StepEffects> traced(Tracer tracer, Map<StepKind, StepEffects> effects) {
    Map<StepKind, StepEffects> traced = new LinkedHashMap<>();
    effects.forEach((kind, effect) -> traced.put(kind, new TracedStepEffects(tracer, effect)));
    return traced;
  }

  @Override
  public CompletionStage<Object> perform(Step renderedStep, Map<String, Object> input) {
    Span span = tracer.spanBuilder("step " + renderedStep.kind().wireName())
        .setAttribute("strata.step.id", renderedStep.id())
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return effect.perform(renderedStep, input).whenComplete((output, failure) -> {
        if (failure != null) {
          span.recordException(failure).setStatus(StatusCode.ERROR);
        }
        span.end();
      });
    } catch (RuntimeException failure) {
      span.recordException(failure).setStatus(StatusCode.ERROR).end();
      throw failure;
    }
  }
}
