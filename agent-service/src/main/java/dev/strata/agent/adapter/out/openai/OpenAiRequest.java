package dev.strata.agent.adapter.out.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.agent.domain.llm.ChatRequest;
import java.util.List;
import java.util.Map;

/** The chat-completions request body; absent options are left out so each server applies its default. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OpenAiRequest(
    String model,
    List<Message> messages,
    Double temperature,
    @JsonProperty("top_p") Double topP,
    @JsonProperty("max_tokens") Integer maxTokens,
    List<String> stop,
    List<Map<String, Object>> tools) {

  /** One message of the conversation. */
  public record Message(String role, String content) {}

  static OpenAiRequest of(ChatRequest request) {
    return new OpenAiRequest(
        request.model(),
        request.messages().stream().map(m -> new Message(m.role(), m.content())).toList(),
        request.temperature(),
        request.topP(),
        request.maxTokens(),
        request.stop(),
        request.tools());
  }
}
