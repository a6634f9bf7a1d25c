package dev.strata.agent.domain.access;

/** A deliberately slow password hash (bcrypt); callers keep it off the event loop. */
public interface PasswordHasher {

  String hash(String password);

  boolean matches(String password, String hash);
}
