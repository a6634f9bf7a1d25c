package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.agent.Agent;
import dev.strata.agent.domain.agent.AgentStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An agent as the API shows it. */
public record AgentView(
    UUID id, String name, String type, String model, String systemPrompt, Map<String, Object> config,
    AgentStatus status, long version, Instant createdAt, Instant updatedAt) {

  static AgentView of(Agent a) {
    return new AgentView(a.id(), a.name(), a.type(), a.model(), a.systemPrompt(), a.config(), a.status(), a.version(), a.createdAt(), a.updatedAt());
  }
}
