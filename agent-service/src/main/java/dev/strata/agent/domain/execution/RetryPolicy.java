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

  /** The longest one step can take: every attempt timing out, with every backoff between them. */
  public Duration longestStep() {
    Duration total = stepTimeout.multipliedBy(maxAttempts);
    Duration backoff = initialBackoff;
    for (int retry = 1; retry < maxAttempts; retry++) {
      total = total.plus(backoff);
      // the runner doubles the backoff up to 16 times the first one
      backoff = backoff.multipliedBy(2).compareTo(initialBackoff.multipliedBy(16)) > 0 ? initialBackoff.multipliedBy(16) : backoff.multipliedBy(2);
    }
    return total;
  }
}
