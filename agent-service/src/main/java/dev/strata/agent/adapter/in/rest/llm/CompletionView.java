package dev.strata.agent.adapter.in.rest.llm;

import dev.strata.agent.application.llm.ChatAnswer;
import java.util.List;
import java.util.Map;

/**
 * Answer of {@code POST /llm/completions}.
 *
 * @param cache {@code HIT}, {@code MISS}, {@code SHARED}, {@code BYPASS} or {@code DEGRADED}
 * @param cacheKey the key to evict this answer with {@code DELETE /llm/cache/{key}}
 */
public record CompletionView(
    String text,
    String finishReason,
    String model,
    String cache,
    String cacheKey,
    int promptTokens,
    int completionTokens,
    List<Map<String, Object>> toolCalls) {

  static CompletionView of(ChatAnswer answer) {
    var completion = answer.completion();
    return new CompletionView(completion.text(), completion.finishReason(), completion.model(),
        answer.outcome().name(), answer.key().value(), completion.promptTokens(), completion.completionTokens(),
        completion.toolCalls());
  }
}
