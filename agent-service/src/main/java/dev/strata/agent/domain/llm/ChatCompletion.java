package dev.strata.agent.domain.llm;

import java.util.List;
import java.util.Map;

/**
 * The provider's answer to a {@link ChatRequest}: the text of the first choice and what it cost.
 *
 * @param text the assistant's message content; empty when the model only called tools
 * @param finishReason why generation stopped ({@code stop}, {@code length}, {@code tool_calls} …)
 * @param model the model that answered, as the provider reports it
 * @param promptTokens tokens of the prompt (0 when the provider does not report usage)
 * @param completionTokens tokens generated
 * @param toolCalls tool calls the model asked for, as JSON objects; empty for none
 */
public record ChatCompletion(
    String text,
    String finishReason,
    String model,
    int promptTokens,
    int completionTokens,
    List<Map<String, Object>> toolCalls) {

  public ChatCompletion {
    text = text == null ? "" : text;
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }
}
