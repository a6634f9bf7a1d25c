package dev.strata.agent.adapter.out.openai;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider answered 429 or 5xx, or could not be reached: worth another attempt, after
 * {@code retryAfter} when the provider said how long to wait.
 */
public class ProviderBusy extends RuntimeException {

  private final transient Optional<Duration> retryAfter;

  public ProviderBusy(String message, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
