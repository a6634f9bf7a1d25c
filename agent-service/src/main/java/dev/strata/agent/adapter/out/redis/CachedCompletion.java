package dev.strata.agent.adapter.out.redis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.strata.agent.domain.llm.ChatCompletion;
import java.util.List;
import java.util.Map;

/** The JSON stored under a cache key; only the answer, never the prompt. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CachedCompletion(
    String text, String finishReason, String model, int promptTokens, int completionTokens, List<Map<String, Object>> toolCalls) {

  static CachedCompletion of(ChatCompletion completion) {
    return new CachedCompletion(completion.text(), completion.finishReason(), completion.model(),
        completion.promptTokens(), completion.completionTokens(), completion.toolCalls());
  }

  ChatCompletion toDomain() {
    return new ChatCompletion(text, finishReason, model, promptTokens, completionTokens, toolCalls);
  }
}
