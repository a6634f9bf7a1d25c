package dev.strata.agent.domain.session;

import dev.strata.agent.domain.shared.Caller;
import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One message of a session; appended, never changed. */
public record SessionMessage(UUID id, UUID sessionId, String role, String content, Instant createdAt) {

  public static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

  /**
   * A client writes as {@code user}; only the platform's own services (a caller who sees every
   * session) write {@code assistant}; {@code system} and {@code tool} are never written from outside,
   * so a client cannot plant instructions the model would trust.
   */
  public static void requireWritableBy(String role, Caller caller) {
    boolean allowed = "user".equals(role) || "assistant".equals(role) && caller.service();
    if (!allowed) {
      throw new DomainException.Invalid("role must be 'user'" + (caller.service() ? " or 'assistant'" : ""));
    }
  }

  public SessionMessage {
    if (!ROLES.contains(role)) {
      throw new DomainException.Invalid("role must be one of " + ROLES);
    }
    if (content == null || content.length() > 100_000) {
      throw new DomainException.Invalid("content must be at most 100000 characters");
    }
  }
}
