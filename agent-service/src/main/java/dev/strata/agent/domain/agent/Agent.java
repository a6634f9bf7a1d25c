package dev.strata.agent.domain.agent;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An LLM agent: a named model with a system prompt and free-form JSON config.
 *
 * <p>Invariants: a non-blank name of at most 100 characters; {@code type} is a safe identifier;
 * {@code model} is non-blank; {@code version} only grows (optimistic concurrency).
 */
public record Agent(
    UUID id,
    String name,
    String type,
    String model,
    String systemPrompt,
    Map<String, Object> config,
    AgentStatus status,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public Agent {
    Objects.requireNonNull(id, "id");
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new DomainException.Invalid("name must be 1..100 characters");
    }
    SafeName.IDENTIFIER.require(type);
    if (model == null || model.isBlank()) {
      throw new DomainException.Invalid("model must not be blank");
    }
    systemPrompt = systemPrompt == null ? "" : systemPrompt;
    config = config == null ? Map.of() : config;
    status = status == null ? AgentStatus.active : status;
  }

  /** A new agent, version 0. */
  public static Agent create(
      String name, String type, String model, String systemPrompt, Map<String, Object> config,
      AgentStatus status, Instant now) {
    return new Agent(UUID.randomUUID(), name, type, model, systemPrompt, config, status, 0, now, now);
  }

  /** This agent with new content, to be saved over {@code expectedVersion}. */
  public Agent revise(
      String name, String type, String model, String systemPrompt, Map<String, Object> config,
      AgentStatus status, long expectedVersion, Instant now) {
    return new Agent(id, name, type, model, systemPrompt, config, status, expectedVersion, createdAt, now);
  }
}
