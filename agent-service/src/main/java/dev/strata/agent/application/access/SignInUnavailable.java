package dev.strata.agent.application.access;

/** The attempt counter did not answer: password sign-in is refused until it does (a 503, not an unbounded guess). */
public final class SignInUnavailable extends RuntimeException {

  public SignInUnavailable(Throwable cause) {
    super("sign-in is unavailable; try again shortly", cause, false, false);
  }
}
