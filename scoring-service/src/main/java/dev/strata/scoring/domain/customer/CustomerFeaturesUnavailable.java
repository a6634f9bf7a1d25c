package dev.strata.scoring.domain.customer;

import java.time.Duration;

/**
 * The feature source failed repeatedly and is left alone to recover: a request may well succeed after
 * {@link #retryAfter()}, so callers are told to come back then rather than that they erred.
 */
public class CustomerFeaturesUnavailable extends RuntimeException {

  private final Duration retryAfter;

  public CustomerFeaturesUnavailable(Duration retryAfter, String message) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
