package dev.strata.agent.domain.shared;

import java.util.Objects;

/**
 * Who is asking: the subject of the bearer token, whether they are an administrator, and whether
 * they are one of the platform's own services (acting for users, e.g. writing an assistant's answer).
 * Both see every user's objects; everyone else only their own.
 */
public record Caller(String name, boolean admin, boolean service) {

  public Caller {
    Objects.requireNonNull(name, "name");
  }

  public boolean seesEverything() {
    return admin || service;
  }

  /** True when an object owned by {@code owner} is this caller's to see and change. */
  public boolean owns(String owner) {
    return seesEverything() || name.equals(owner);
  }
}
