package dev.strata.agent.domain.access;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Finds who may sign in with a username (a user with a password). */
@FunctionalInterface
public interface Logins {

  CompletionStage<Optional<Login>> byUsername(String username);

  /** A user who may sign in: the stored bcrypt hash and the roles a token will carry. */
  record Login(String username, String passwordHash, java.util.Set<String> roles) {
    @Override
    public String toString() {
      return "Login[" + username + ", " + roles + "]";
    }
  }
}
