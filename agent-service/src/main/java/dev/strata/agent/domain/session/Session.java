package dev.strata.agent.domain.session;

import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A conversation of a user with an agent. Invariants: belongs to an agent; a title of 1..200
 * characters; {@code state} is free-form JSON; {@code version} guards concurrent edits.
 */
public record Session(
    UUID id, UUID agentId, UUID userId, String title, Map<String, Object> state, long version, Instant createdAt, Instant updatedAt) {

  public Session {
    Objects.requireNonNull(id, "id");
    if (agentId == null) {
      throw new DomainException.Invalid("agentId is required");
    }
    if (title == null || title.isBlank() || title.length() > 200) {
      throw new DomainException.Invalid("title must be 1..200 characters");
    }
    state = state == null ? Map.of() : state;
  }

  public static Session create(UUID agentId, UUID userId, String title, Map<String, Object> state, Instant now) {
    return new Session(UUID.randomUUID(), agentId, userId, title, state, 0, now, now);
  }

  public Session revise(String title, Map<String, Object> state, long expectedVersion, Instant now) {
    return new Session(id, agentId, userId, title, state, expectedVersion, createdAt, now);
  }
}
