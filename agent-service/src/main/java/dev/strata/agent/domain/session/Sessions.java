package dev.strata.agent.domain.session;

import dev.strata.agent.domain.shared.Repository;

/** Sessions; filterable on {@code agentId} and {@code userId}, searchable by title. */
public interface Sessions extends Repository<Session> {}
