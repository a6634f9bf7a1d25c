package dev.strata.scoring.domain.model;

/**
 * A registered model version exists but cannot serve: its artifact fails the digest check or the
 * runtime refuses it. Not the client's fault, so it is never a 4xx.
 */
public class ModelUnavailable extends RuntimeException {

  public ModelUnavailable(String message) {
    super(message);
  }

  public ModelUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
