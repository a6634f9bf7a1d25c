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

  /** The longest backoff between two attempts: growth (and the runner's random jitter) stop here. */
  public Duration longestBackoff() {
    return initialBackoff.multipliedBy(16);
  }

  /** An upper bound of one step's run: every attempt timing out, every backoff at its longest. */
  public Duration longestStep() {
    return stepTimeout.multipliedBy(maxAttempts).plus(longestBackoff().multipliedBy(maxAttempts - 1L));
  }
}
