package dev.strata.agent.domain.agent;

/** Whether an agent takes new sessions and workflow steps. */
public enum AgentStatus {
  active,
  inactive
}
