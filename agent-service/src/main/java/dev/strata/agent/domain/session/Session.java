package dev.strata.agent.domain.session;

import dev.strata.agent.domain.shared.Caller;
import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A conversation of a user with an agent. Invariants: belongs to an agent; a title of 1..200
 * characters; {@code state} is free-form JSON; {@code version} guards concurrent edits;
 * {@code owner} (the token subject that created it, never taken from a request body) does not change.
 */
public record Session(
    UUID id, UUID agentId, UUID userId, String owner, String title, Map<String, Object> state, long version, Instant createdAt,
    Instant updatedAt) {

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

  public static Session create(UUID agentId, UUID userId, String owner, String title, Map<String, Object> state, Instant now) {
    return new Session(UUID.randomUUID(), agentId, userId, owner, title, state, 0, now, now);
  }

  public Session revise(String title, Map<String, Object> state, long expectedVersion, Instant now) {
    return new Session(id, agentId, userId, owner, title, state, expectedVersion, createdAt, now);
  }

  /** Whether {@code caller} may see and change this session. */
  public boolean visibleTo(Caller caller) {
    return caller.owns(owner);
  }
}
