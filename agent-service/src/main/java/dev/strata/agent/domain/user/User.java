package dev.strata.agent.domain.user;

import dev.strata.agent.domain.access.SecurityRoles;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who owns sessions and may sign in. Invariants: an e-mail address of at most 254
 * characters (unique, case-insensitively, across users); a name of 1..100 characters; a known
 * member role; security roles from {@link SecurityRoles}; an optional username (a lower-case
 * identifier, unique) which, with a password hash, lets the user sign in.
 */
public record User(UUID id, String email, String name, String role, String username, Set<String> roles, String passwordHash,
    long version, Instant createdAt, Instant updatedAt) {

  public static final Set<String> ROLES = Set.of("admin", "member", "viewer");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");

  public User {
    Objects.requireNonNull(id, "id");
    if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw new DomainException.Invalid("email must be an address of at most 254 characters");
    }
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new DomainException.Invalid("name must be 1..100 characters");
    }
    if (!ROLES.contains(role)) {
      throw new DomainException.Invalid("role must be one of " + ROLES);
    }
    if (username != null) {
      SafeName.IDENTIFIER.require(username);
    }
    roles = SecurityRoles.require(roles);
  }

  public static User create(String email, String name, String role, String username, Set<String> roles, String passwordHash,
      Instant now) {
    return new User(UUID.randomUUID(), email, name, role, username, roles, passwordHash, 0, now, now);
  }

  /** The revised user; a {@code null} password hash keeps the current one. */
  public User revise(String email, String name, String role, String username, Set<String> roles, String newPasswordHash,
      long expectedVersion, Instant now) {
    return new User(id, email, name, role, username, roles, newPasswordHash == null ? passwordHash : newPasswordHash,
        expectedVersion, createdAt, now);
  }

  // the hash must never reach a log line through a record's generated toString
  @Override
  public String toString() {
    return "User[" + id + ", " + username + ", " + roles + "]";
  }
}
