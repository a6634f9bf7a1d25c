package dev.strata.agent.domain.access;

import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A machine's credential. Invariants: only the SHA-256 digest of the key is kept (64 hex
 * characters), never the key; a name of 1..100 characters; known roles; once revoked it stays revoked.
 */
public record ApiKey(UUID id, String name, String keyHash, Set<String> roles, long version, Instant createdAt,
    Instant updatedAt, Instant revokedAt) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public ApiKey {
    Objects.requireNonNull(id, "id");
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new DomainException.Invalid("name must be 1..100 characters");
    }
    if (keyHash == null || !SHA256_HEX.matcher(keyHash).matches()) {
      throw new IllegalArgumentException("keyHash must be a SHA-256 hex digest");
    }
    roles = SecurityRoles.require(roles);
  }

  public static ApiKey create(String name, String keyHash, Set<String> roles, Instant now) {
    return new ApiKey(UUID.randomUUID(), name, keyHash, roles, 0, now, now, null);
  }

  public boolean active() {
    return revokedAt == null;
  }

  public ApiKey revoke(Instant now) {
    return active() ? new ApiKey(id, name, keyHash, roles, version, createdAt, now, now) : this;
  }
}
