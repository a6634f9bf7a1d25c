package dev.strata.agent.application;

import dev.strata.agent.domain.audit.AuditChain;
import dev.strata.agent.domain.audit.AuditLog;
import dev.strata.agent.domain.audit.AuditRecord;
import dev.strata.agent.domain.shared.UnitOfWork;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/** Walks the whole chain page by page and reports OK or the first broken link. */
public final class VerifyAudit {

  /** The outcome: rows checked, and the break when there is one. */
  public record Verification(boolean ok, long checked, Optional<AuditChain.Break> firstBreak) {}

  private static final int PAGE = 1000;

  private final AuditLog log;
  private final AuditChain chain;
  private final UnitOfWork unitOfWork;

  public VerifyAudit(AuditLog log, AuditChain chain, UnitOfWork unitOfWork) {
    this.log = log;
    this.chain = chain;
    this.unitOfWork = unitOfWork;
  }

  public Uni<Verification> run() {
    return from(0, AuditChain.Link.start(), 0);
  }

  private Uni<Verification> from(long afterSeq, AuditChain.Link previous, long checked) {
    return Async.<List<AuditRecord>>uni(() -> unitOfWork.read(() -> log.after(afterSeq, PAGE))).chain(rows -> {
      Optional<AuditChain.Break> broken = chain.firstBreak(previous, rows);
      if (broken.isPresent()) {
        return Uni.createFrom().item(new Verification(false, checked + rows.stream().filter(r -> r.seq() < broken.get().seq()).count(), broken));
      }
      if (rows.size() < PAGE) {
        return Uni.createFrom().item(new Verification(true, checked + rows.size(), Optional.empty()));
      }
      AuditRecord last = rows.getLast();
      return from(last.seq(), new AuditChain.Link(last.contentHash(), last.hashVersion()), checked + rows.size());
    });
  }
}
