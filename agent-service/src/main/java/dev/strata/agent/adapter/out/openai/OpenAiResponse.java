package dev.strata.agent.adapter.out.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.agent.application.llm.LlmUnavailable;
import dev.strata.agent.domain.llm.ChatCompletion;
import java.util.List;
import java.util.Map;

/** The parts of a chat-completions response the gateway keeps; servers add fields freely. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenAiResponse(String model, List<Choice> choices, Usage usage) {

  /** One generated alternative; the gateway asks for one. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Choice(Reply message, @JsonProperty("finish_reason") String finishReason) {}

  /** The assistant's message. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Reply(String content, @JsonProperty("tool_calls") List<Map<String, Object>> toolCalls) {}

  /** Token accounting; some local servers leave it out. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Usage(@JsonProperty("prompt_tokens") int promptTokens, @JsonProperty("completion_tokens") int completionTokens) {}

  ChatCompletion toDomain(String requestedModel) {
    if (choices == null || choices.isEmpty() || choices.getFirst().message() == null) {
      throw new LlmUnavailable("the LLM provider returned no choice");
    }
    Choice first = choices.getFirst();
    return new ChatCompletion(
        first.message().content(),
        first.finishReason(),
        model == null ? requestedModel : model,
        usage == null ? 0 : usage.promptTokens(),
        usage == null ? 0 : usage.completionTokens(),
        first.message().toolCalls());
  }
}
