package dev.strata.agent.config;

import dev.strata.agent.adapter.out.postgres.PanacheUnitOfWork;
import dev.strata.agent.adapter.out.postgres.PostgresAgents;
import dev.strata.agent.adapter.out.postgres.PostgresWorkflows;
import dev.strata.agent.domain.agent.Agents;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.Workflows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Composition root of the Postgres adapters: the repositories and the unit of work. */
@ApplicationScoped
public class PersistenceConfiguration {

  @Produces
  @Singleton
  UnitOfWork unitOfWork(io.vertx.core.Vertx vertx) {
    return new PanacheUnitOfWork(vertx);
  }

  @Produces
  @Singleton
  Agents agents() {
    return new PostgresAgents();
  }

  @Produces
  @Singleton
  Workflows workflows() {
    return new PostgresWorkflows();
  }

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
