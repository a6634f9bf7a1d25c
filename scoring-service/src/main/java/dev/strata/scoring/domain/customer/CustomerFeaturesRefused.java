package dev.strata.scoring.domain.customer;

/**
 * The feature source refused a request as wrong in itself (a 4xx from warehouse-service other than an
 * invalid customer id: a route, a token or a size it does not accept). It says nothing about the
 * warehouse's health, so it neither trips the circuit breaker nor is retried; it is this service's
 * defect, not the caller's.
 */
public class CustomerFeaturesRefused extends RuntimeException {

  private final int status;

  public CustomerFeaturesRefused(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
