package dev.strata.agent.config.llm;

import dev.strata.agent.application.llm.ClusterLookups;
import dev.strata.agent.application.llm.CompleteChat;
import dev.strata.agent.application.llm.FlightLocks;
import dev.strata.agent.application.llm.GatewayMetrics;
import dev.strata.agent.application.llm.InvalidateCache;
import dev.strata.agent.application.llm.LlmCache;
import dev.strata.agent.application.llm.LlmProvider;
import dev.strata.agent.application.llm.LookupCounts;
import dev.strata.agent.application.llm.ProviderFlight;
import dev.strata.agent.application.llm.ReadCacheStats;
import dev.strata.agent.domain.llm.CachePolicy;
import dev.strata.agent.settings.LlmConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Composition root of the LLM gateway: builds its use cases from the adapters and {@link LlmConfig}. */
@Singleton
public class LlmGatewayProducers {

  @Produces
  @Singleton
  CachePolicy cachePolicy(LlmConfig config) {
    return new CachePolicy(config.cache().ttl(), config.cache().maxTtl());
  }

  @Produces
  @Singleton
  CompleteChat completeChat(LlmProvider provider, LlmCache cache, FlightLocks locks, GatewayMetrics metrics,
      CachePolicy policy, LlmConfig config) {
    ProviderFlight flight = new ProviderFlight(provider, cache, locks, metrics, config.cache().lockLease());
    return new CompleteChat(provider, cache, policy, flight, metrics);
  }

  @Produces
  @Singleton
  InvalidateCache invalidateCache(LlmCache cache) {
    return new InvalidateCache(cache);
  }

  @Produces
  @Singleton
  ReadCacheStats readCacheStats(LlmCache cache, ClusterLookups lookups) {
    return new ReadCacheStats(cache, lookups);
  }

  @Produces
  @Singleton
  ClusterLookups clusterLookups(LookupCounts shared) {
    return new ClusterLookups(shared);
  }
}
