package dev.strata.agent.domain.execution;

import java.time.Duration;

/**
 * How hard the runner tries one step: each attempt may take {@code stepTimeout}; a failed attempt
 * is retried after an exponential backoff starting at {@code initialBackoff}, {@code maxAttempts}
 * attempts in all, then the execution fails.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration stepTimeout) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
  }
}
