package dev.strata.agent.domain.user;

import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who owns sessions. Invariants: an e-mail address of at most 254 characters (unique,
 * case-insensitively, across users); a name of 1..100 characters; a known role.
 */
public record User(UUID id, String email, String name, String role, long version, Instant createdAt, Instant updatedAt) {

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
  }

  public static User create(String email, String name, String role, Instant now) {
    return new User(UUID.randomUUID(), email, name, role, 0, now, now);
  }

  public User revise(String email, String name, String role, long expectedVersion, Instant now) {
    return new User(id, email, name, role, expectedVersion, createdAt, now);
  }
}
