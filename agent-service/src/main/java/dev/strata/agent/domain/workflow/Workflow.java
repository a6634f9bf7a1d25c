package dev.strata.agent.domain.workflow;

import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A named, validated workflow definition, optionally owned by an agent. The definition is valid
 * by construction ({@link WorkflowDefinition}); {@code version} guards concurrent edits.
 */
public record Workflow(
    UUID id, String name, String description, UUID agentId, WorkflowDefinition definition,
    long version, Instant createdAt, Instant updatedAt) {

  public Workflow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(definition, "definition");
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new DomainException.Invalid("name must be 1..100 characters");
    }
    description = description == null ? "" : description;
  }

  public static Workflow create(String name, String description, UUID agentId, WorkflowDefinition definition, Instant now) {
    return new Workflow(UUID.randomUUID(), name, description, agentId, definition, 0, now, now);
  }

  public Workflow revise(String name, String description, UUID agentId, WorkflowDefinition definition, long expectedVersion, Instant now) {
    return new Workflow(id, name, description, agentId, definition, expectedVersion, createdAt, now);
  }
}
