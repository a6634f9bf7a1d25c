package dev.strata.agent.application;

import dev.strata.agent.domain.audit.AuditLog;
import dev.strata.agent.domain.audit.AuditRecord;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.UnitOfWork;
import io.smallrye.mutiny.Uni;
import java.time.Instant;

/** Audit rows by actor, resource and time range, newest first. */
public final class SearchAudit {

  private final AuditLog log;
  private final UnitOfWork unitOfWork;

  public SearchAudit(AuditLog log, UnitOfWork unitOfWork) {
    this.log = log;
    this.unitOfWork = unitOfWork;
  }

  public Uni<Page<AuditRecord>> run(String actor, String resource, Instant from, Instant to, int offset, int limit) {
    return Async.uni(() -> unitOfWork.read(() -> log.search(actor, resource, from, to, offset, limit)));
  }
}
