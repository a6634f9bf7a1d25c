package dev.strata.agent.application;

import dev.strata.agent.domain.egress.EgressRefused;
import dev.strata.agent.domain.execution.RetryPolicy;
import dev.strata.agent.domain.execution.StepEffects;
import dev.strata.agent.domain.workflow.ExecutionState;
import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.domain.workflow.Templates;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.NotificationSend;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Runs one step: renders its parameters from the state, performs it with a per-attempt timeout
 * and retries with backoff. A {@code notify} step performs nothing here: its message is returned
 * to be written to the outbox with the step's checkpoint, so it leaves exactly once.
 */
public final class PerformStep {

  /** A step's output and the messages to send when its checkpoint commits. */
  public record Outcome(Object output, List<Envelope<NotificationSend>> notifications) {}

  private final Map<StepKind, StepEffects> effects;
  private final RetryPolicy policy;

  public PerformStep(Map<StepKind, StepEffects> effects, RetryPolicy policy) {
    this.effects = Map.copyOf(effects);
    this.policy = policy;
  }

  public Uni<Outcome> run(UUID executionId, Step step, ExecutionState state) {
    Step rendered = render(step, state);
    return switch (step.kind()) {
      case TEMPLATE -> Uni.createFrom().item(new Outcome(rendered.param("text", ""), List.of()));
      case NOTIFY -> Uni.createFrom().item(notify(executionId, rendered));
      default -> withRetries(rendered, state).map(output -> new Outcome(output, List.of()));
    };
  }

  private Uni<Object> withRetries(Step rendered, ExecutionState state) {
    StepEffects effect = effects.get(rendered.kind());
    if (effect == null) {
      return Uni.createFrom().failure(new IllegalStateException("no " + rendered.kind().wireName() + " step support configured"));
    }
    Uni<Object> attempt = Async.<Object>uni(() -> effect.perform(rendered, state.input()))
        .ifNoItem().after(policy.stepTimeout())
        .failWith(() -> new TimeoutException("timed out after " + policy.stepTimeout().toMillis() + " ms"));
    if (policy.maxAttempts() == 1) {
      return attempt;
    }
    // a destination the egress policy denies stays denied: no retry
    return attempt.onFailure(failure -> !(failure instanceof EgressRefused)).retry()
        .withBackOff(policy.initialBackoff(), policy.longestBackoff())
        .atMost(policy.maxAttempts() - 1L);
  }

  private static Outcome notify(UUID executionId, Step step) {
    var payload = new NotificationSend(step.param("channel", "default"), step.param("webhookUrl", null),
        step.param("subject", ""), step.param("body", ""), executionId);
    // the same step of the same execution always yields the same message id: consumers de-duplicate on it
    UUID messageId = UUID.nameUUIDFromBytes((executionId + "/" + step.id()).getBytes(StandardCharsets.UTF_8));
    var envelope = new Envelope<>(messageId, MessageType.NOTIFICATION_SEND.name(), MessageType.NOTIFICATION_SEND.schemaVersion(),
        java.time.Instant.now(), executionId.toString(), payload);
    return new Outcome(Map.of("notification", messageId.toString(), "channel", payload.channel()), List.of(envelope));
  }

  private static Step render(Step step, ExecutionState state) {
    Map<String, Object> params = new LinkedHashMap<>();
    step.params().forEach((key, value) -> params.put(key, value instanceof String text ? Templates.render(text, state) : value));
    return new Step(step.id(), step.kind(), params);
  }
}
