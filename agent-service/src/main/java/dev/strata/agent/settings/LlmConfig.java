package dev.strata.agent.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The LLM gateway ({@code llm.*}). Provider settings come from the environment ({@code LLM_BASE_URL},
 * {@code LLM_MODEL}, {@code LLM_API_KEY}); without a base URL the gateway reports itself
 * unconfigured and answers 503 instead of calling anything.
 */
@ConfigMapping(prefix = "llm")
public interface LlmConfig {

  /**
   * Base URL of an OpenAI-compatible API, up to and including its version segment, e.g.
   * {@code https://api.openai.com/v1}, {@code http://127.0.0.1:11434/v1} (Ollama) or
   * {@code http://127.0.0.1:8000/v1} (vLLM, llama.cpp server). Empty: unconfigured.
   */
  Optional<URI> baseUrl();

  /** Model used when a request names none. */
  @WithDefault("gpt-4o-mini")
  String model();

  /** Bearer token sent to the provider; local servers usually need none. Never logged. */
  Optional<String> apiKey();

  /** Connect timeout of one HTTP attempt. */
  @WithDefault("5s")
  Duration connectTimeout();

  /** Read timeout of one HTTP attempt (the fault-tolerance timeout bounds it too). */
  @WithDefault("60s")
  Duration readTimeout();

  Cache cache();

  /** The Redis response cache. */
  interface Cache {

    /** Lifetime of a cached answer when the request names none. */
    @WithDefault("24h")
    Duration ttl();

    /** The longest lifetime a request may ask for. */
    @WithDefault("30d")
    Duration maxTtl();

    /** How long a cache read or write may take before the gateway answers without the cache. */
    @WithDefault("1s")
    Duration timeout();

    /**
     * Lease on a key while one replica asks the provider; other replicas wait at most this long
     * for its answer. Must outlast a provider call including its retries.
     */
    @WithDefault("2m")
    Duration lockLease();

    /**
     * How often a replica adds the hits and misses it counted to the cluster's counts in Redis
     * ({@code GET /llm/cache/stats} flushes first, so it always includes this replica's latest).
     */
    @WithDefault("1s")
    Duration statsFlush();

    /** How often the entries/bytes gauges are refreshed from Redis. */
    @WithDefault("60s")
    Duration footprintRefresh();
  }
}
