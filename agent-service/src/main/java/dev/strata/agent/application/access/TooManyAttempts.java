package dev.strata.agent.application.access;

/** Too many failed sign-ins for a username in the current window. */
public final class TooManyAttempts extends RuntimeException {

  private final String actor;

  public TooManyAttempts(String actor) {
    super("too many failed sign-ins; try again later", null, false, false);
    this.actor = actor;
  }

  public String actor() {
    return actor;
  }
}
