package dev.strata.agent.domain.user;

import dev.strata.agent.domain.shared.Repository;

/** The users we keep; filterable on {@code role}, searchable by name. */
public interface Users extends Repository<User> {}
