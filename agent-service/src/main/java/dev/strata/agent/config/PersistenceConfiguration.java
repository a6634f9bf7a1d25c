package dev.strata.agent.config;

import dev.strata.agent.adapter.out.postgres.PostgresUnitOfWork;
import dev.strata.agent.adapter.out.postgres.PostgresAgents;
import dev.strata.agent.adapter.out.postgres.PostgresWorkflows;
import dev.strata.agent.domain.agent.Agents;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.support.messaging.OutboxRelay;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Composition root of persistence: the one unit of work (a Postgres connection and transaction) and the shared repositories. */
@ApplicationScoped
public class PersistenceConfiguration {

  @Produces
  @Singleton
  UnitOfWork unitOfWork(Pool pool, io.vertx.core.Vertx vertx, OutboxRelay relay) {
    return new PostgresUnitOfWork(pool.getDelegate(), vertx, relay::nudge);
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
