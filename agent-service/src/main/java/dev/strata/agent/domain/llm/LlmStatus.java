package dev.strata.agent.domain.llm;

/**
 * Whether the gateway can answer at all. Without a configured provider base URL it cannot, and a
 * workflow should use a {@code template} step instead of an {@code llm} step.
 *
 * @param configured a provider base URL is set
 * @param defaultModel the model used when a request names none; null when unconfigured
 * @param endpoint scheme, host and port of the provider (never credentials); null when unconfigured
 */
public record LlmStatus(boolean configured, String defaultModel, String endpoint) {

  public static LlmStatus unconfigured() {
    return new LlmStatus(false, null, null);
  }
}
