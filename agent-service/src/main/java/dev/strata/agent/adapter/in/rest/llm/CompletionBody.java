package dev.strata.agent.adapter.in.rest.llm;

import dev.strata.agent.domain.llm.ChatMessage;
import dev.strata.agent.domain.llm.ChatRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /llm/completions}. Only {@code messages} is required; {@code cache} forces
 * (true) or forbids (false) caching, {@code ttlSeconds} overrides the entry's lifetime.
 */
public record CompletionBody(
    String model,
    @NotEmpty @Size(max = 1000) List<@Valid @NotNull Message> messages,
    Double temperature,
    Double topP,
    Integer maxTokens,
    @Size(max = 16) List<@NotNull String> stop,
    @Size(max = 128) List<@NotNull Map<String, Object>> tools,
    @Size(max = 64) String templateVersion,
    Boolean cache,
    @Positive Long ttlSeconds) {

  /** One message of the conversation. */
  public record Message(@NotNull String role, @NotNull String content) {}

  ChatRequest toRequest() {
    return new ChatRequest(
        model,
        messages.stream().map(m -> new ChatMessage(m.role(), m.content())).toList(),
        temperature,
        topP,
        maxTokens,
        stop,
        tools,
        templateVersion,
        cache,
        ttlSeconds == null ? null : Duration.ofSeconds(ttlSeconds));
  }
}
