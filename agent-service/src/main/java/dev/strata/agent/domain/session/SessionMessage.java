package dev.strata.agent.domain.session;

import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One message of a session; appended, never changed. */
public record SessionMessage(UUID id, UUID sessionId, String role, String content, Instant createdAt) {

  public static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

  public SessionMessage {
    if (!ROLES.contains(role)) {
      throw new DomainException.Invalid("role must be one of " + ROLES);
    }
    if (content == null || content.length() > 100_000) {
      throw new DomainException.Invalid("content must be at most 100000 characters");
    }
  }
}
