package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.CacheKey;
import dev.strata.agent.domain.llm.CacheOutcome;
import dev.strata.agent.domain.llm.ChatCompletion;

/**
 * What {@link CompleteChat} returns.
 *
 * @param completion the answer
 * @param outcome hit, miss, shared, bypass or degraded
 * @param key the cache key of the request (also for uncached requests, so a caller can evict it)
 */
public record ChatAnswer(ChatCompletion completion, CacheOutcome outcome, CacheKey key) {

  public String text() {
    return completion.text();
  }

  ChatAnswer as(CacheOutcome other) {
    return new ChatAnswer(completion, other, key);
  }
}
