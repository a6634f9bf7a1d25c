package dev.strata.agent.config;

import dev.strata.agent.adapter.in.messaging.AuditBatches;
import dev.strata.agent.adapter.out.postgres.PostgresAuditLog;
import dev.strata.agent.application.RecordAudit;
import dev.strata.agent.application.SearchAudit;
import dev.strata.agent.application.VerifyAudit;
import dev.strata.agent.domain.audit.AuditChain;
import dev.strata.agent.domain.audit.AuditLog;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.settings.AgentConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Composition root of the audit log: its writer (batched), search and verification. */
@ApplicationScoped
public class AuditConfiguration {

  @Produces @Singleton AuditLog auditLog() { return new PostgresAuditLog(); }
  @Produces @Singleton AuditChain auditChain(AgentConfig config) { return new AuditChain(AuditHmacKey.require(config.audit().hmacKey())); }
  @Produces @Singleton RecordAudit recordAudit(AuditLog log, AuditChain chain, UnitOfWork u) { return new RecordAudit(log, chain, u); }
  @Produces @Singleton AuditBatches auditBatches(RecordAudit r, Vertx vertx, AgentConfig config) {
    return new AuditBatches(r, vertx, config.audit().batchSize());
  }
  @Produces @Singleton SearchAudit searchAudit(AuditLog log, UnitOfWork u) { return new SearchAudit(log, u); }
  @Produces @Singleton VerifyAudit verifyAudit(AuditLog log, AuditChain chain, UnitOfWork u) { return new VerifyAudit(log, chain, u); }

  /** A service without a real audit key does not start (the message names the setting). */
  void requireKey(@Observes StartupEvent event, AuditChain chain) {}
}
