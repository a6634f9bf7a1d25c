package dev.strata.agent.domain.llm;

import dev.strata.kernel.error.DomainException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A chat-completion request to the LLM gateway — what a workflow {@code llm} step or a REST client
 * asks for. Everything but {@code messages} is optional.
 *
 * <p>Invariants: at least one message; temperature in [0, 2]; topP in (0, 1]; maxTokens positive;
 * ttl, when given, positive. The model is checked against {@link ModelName} once resolved.
 *
 * @param model provider model name; null means the gateway's configured model
 * @param messages the conversation, oldest first
 * @param temperature sampling temperature; null means the provider's default (which is not
 *     deterministic, so such a request is not cached unless {@code cache} is true)
 * @param topP nucleus sampling; null for the provider's default
 * @param maxTokens upper bound of generated tokens; null for the provider's default
 * @param stop stop sequences; null or empty for none
 * @param tools OpenAI-style tool definitions, passed through as JSON objects; null for none
 * @param templateVersion version of the prompt template that produced {@code messages}; part of the
 *     cache key so a changed template never serves answers of the old one
 * @param cache true forces caching, false forbids it, null caches only deterministic requests
 *     (temperature 0)
 * @param ttl how long a cached answer lives; null for the gateway's default (24 h)
 */
public record ChatRequest(
    String model,
    List<ChatMessage> messages,
    Double temperature,
    Double topP,
    Integer maxTokens,
    List<String> stop,
    List<Map<String, Object>> tools,
    String templateVersion,
    Boolean cache,
    Duration ttl) {

  public ChatRequest {
    if (messages == null || messages.isEmpty()) {
      throw new DomainException.Invalid("at least one message is required");
    }
    if (temperature != null && (temperature < 0 || temperature > 2)) {
      throw new DomainException.Invalid("temperature must be between 0 and 2");
    }
    if (topP != null && (topP <= 0 || topP > 1)) {
      throw new DomainException.Invalid("topP must be in (0, 1]");
    }
    if (maxTokens != null && maxTokens < 1) {
      throw new DomainException.Invalid("maxTokens must be positive");
    }
    if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
      throw new DomainException.Invalid("ttl must be positive");
    }
    messages = List.copyOf(messages);
    stop = stop == null ? List.of() : List.copyOf(stop);
    tools = tools == null ? List.of() : List.copyOf(tools);
  }

  /** A deterministic single-prompt request (temperature 0) on the configured model. */
  public static ChatRequest of(String prompt) {
    return new ChatRequest(null, List.of(ChatMessage.user(prompt)), 0.0, null, null, null, null, null, null, null);
  }

  /** The same request on {@code resolvedModel}. */
  public ChatRequest withModel(String resolvedModel) {
    return new ChatRequest(resolvedModel, messages, temperature, topP, maxTokens, stop, tools, templateVersion, cache, ttl);
  }
}
