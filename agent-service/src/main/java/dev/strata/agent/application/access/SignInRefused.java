package dev.strata.agent.application.access;

/** Wrong credentials (unknown user, wrong password, unknown or revoked key): one answer for all. */
public final class SignInRefused extends RuntimeException {

  /** Who tried (a username, or "api-key"), for the audit trail; never the secret. */
  private final String actor;

  public SignInRefused(String actor) {
    super("invalid credentials", null, false, false);
    this.actor = actor;
  }

  public String actor() {
    return actor;
  }
}
