package dev.strata.agent.domain.workflow;

import dev.strata.agent.domain.shared.Repository;

/** The workflows we keep; filterable on {@code agentId}. */
public interface Workflows extends Repository<Workflow> {}
