package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.CacheKey;
import dev.strata.agent.domain.llm.CacheKeys;
import dev.strata.agent.domain.llm.CacheOutcome;
import dev.strata.agent.domain.llm.CachePolicy;
import dev.strata.agent.domain.llm.ChatRequest;
import dev.strata.agent.domain.llm.LlmStatus;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * Answers a chat request through the cache: a hit is served from it; a miss calls the provider once
 * per key across callers and replicas ({@link ProviderFlight}) and stores the answer; a request that
 * is not deterministic bypasses the cache; an unreachable cache degrades to a direct provider call.
 * This is the entry point of a workflow's {@code llm} step.
 */
public final class CompleteChat {

  private final LlmProvider provider;
  private final LlmCache cache;
  private final CachePolicy policy;
  private final ProviderFlight flight;
  private final GatewayMetrics metrics;
  private final InProcessFlights local = new InProcessFlights();

  public CompleteChat(LlmProvider provider, LlmCache cache, CachePolicy policy, ProviderFlight flight, GatewayMetrics metrics) {
    this.provider = provider;
    this.cache = cache;
    this.policy = policy;
    this.flight = flight;
    this.metrics = metrics;
  }

  public Uni<ChatAnswer> run(ChatRequest request) {
    return Uni.createFrom().deferred(() -> answer(resolve(request)))
        .invoke(answer -> metrics.answered(answer.outcome()))
        .onFailure(failure -> !(failure instanceof DomainException || failure instanceof LlmUnavailable))
        .transform(failure -> new LlmUnavailable("the LLM provider failed: " + failure.getClass().getSimpleName(), failure));
  }

  /** Whether the gateway can answer at all; a workflow uses a {@code template} step when it cannot. */
  public LlmStatus status() {
    return provider.status();
  }

  private ChatRequest resolve(ChatRequest request) {
    LlmStatus status = provider.status();
    if (!status.configured()) {
      throw new LlmUnavailable("the LLM gateway is not configured (LLM_BASE_URL is unset)");
    }
    return request.model() == null ? request.withModel(status.defaultModel()) : request;
  }

  private Uni<ChatAnswer> answer(ChatRequest request) {
    CacheKey key = CacheKeys.of(request);
    if (!policy.cacheable(request)) {
      return provider.complete(request).map(completion -> new ChatAnswer(completion, CacheOutcome.BYPASS, key));
    }
    Duration ttl = policy.ttl(request);
    return cache.find(key)
        .onFailure().recoverWithItem(failure -> {
          metrics.cacheUnavailable("find", failure);
          return null;
        })
        .chain(found -> {
          if (found == null) {
            return local.join(key, () -> flight.direct(request, key, CacheOutcome.DEGRADED));
          }
          return found.map(completion -> Uni.createFrom().item(new ChatAnswer(completion, CacheOutcome.HIT, key)))
              .orElseGet(() -> local.join(key, () -> flight.lead(request, key, ttl)));
        });
  }
}
