package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.audit.AuditChain;
import dev.strata.agent.domain.audit.AuditLog;
import dev.strata.agent.domain.audit.AuditRecord;
import dev.strata.agent.domain.shared.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link AuditLog} on {@code agent.audit_log}; appends serialize on a transaction-scoped advisory lock. */
public class PostgresAuditLog implements AuditLog {

  /** Arbitrary but fixed: the advisory lock key of the audit chain's tail. */
  private static final long TAIL_LOCK = 0x5A_41_55_44_49_54L;

  @Override
  public CompletionStage<Boolean> contains(UUID messageId) {
    return Panache.getSession().chain(s -> s.createSelectionQuery("select count(*) from AuditEntity a where a.messageId = :id", Long.class)
        .setParameter("id", messageId).getSingleResult()).map(count -> count > 0).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<String> lockTail() {
    return Panache.getSession().chain(s -> s.createNativeQuery("select 1 from (select pg_advisory_xact_lock(" + TAIL_LOCK + ")) l", Integer.class)
            .getSingleResult()
            .chain(x -> s.createSelectionQuery("select a.contentHash from AuditEntity a order by a.seq desc", String.class)
                .setMaxResults(1).getResultList()))
        .map(hashes -> hashes.isEmpty() ? AuditChain.GENESIS : hashes.getFirst()).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<AuditRecord> append(AuditRecord r) {
    AuditEntity e = new AuditEntity();
    e.messageId = r.messageId();
    e.service = r.service();
    e.actor = r.actor();
    e.action = r.action();
    e.resource = r.resource();
    e.outcome = r.outcome();
    e.at = r.at();
    e.correlationId = r.correlationId();
    e.details = r.details();
    e.contentHash = r.contentHash();
    e.previousHash = r.previousHash();
    return Panache.getSession().chain(s -> s.persist(e).chain(s::flush)).map(x -> toDomain(e))
        .onFailure().transform(Failures::translate).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<List<AuditRecord>> after(long afterSeq, int limit) {
    return Panache.getSession().chain(s -> s.createSelectionQuery("from AuditEntity a where a.seq > :after order by a.seq", AuditEntity.class)
        .setParameter("after", afterSeq).setMaxResults(limit).getResultList())
        .map(rows -> rows.stream().map(PostgresAuditLog::toDomain).toList()).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Page<AuditRecord>> search(String actor, String resource, Instant from, Instant to, int offset, int limit) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    add(conditions, params, "a.actor = :actor", "actor", actor);
    add(conditions, params, "a.resource = :resource", "resource", resource);
    add(conditions, params, "a.at >= :from", "from", from);
    add(conditions, params, "a.at < :to", "to", to);
    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    return Panache.getSession().chain(s -> {
      var rows = s.createSelectionQuery("from AuditEntity a" + where + " order by a.seq desc", AuditEntity.class);
      var count = s.createSelectionQuery("select count(*) from AuditEntity a" + where, Long.class);
      params.forEach((k, v) -> {
        rows.setParameter(k, v);
        count.setParameter(k, v);
      });
      return rows.setFirstResult(offset).setMaxResults(limit).getResultList()
          .chain(list -> count.getSingleResult().map(total -> new Page<>(list.stream().map(PostgresAuditLog::toDomain).toList(), total, offset, limit)));
    }).subscribeAsCompletionStage();
  }

  private static void add(List<String> conditions, Map<String, Object> params, String condition, String name, Object value) {
    if (value != null) {
      conditions.add(condition);
      params.put(name, value);
    }
  }

  private static AuditRecord toDomain(AuditEntity e) {
    return new AuditRecord(e.seq, e.messageId, e.service, e.actor, e.action, e.resource, e.outcome, e.at, e.correlationId,
        e.details, e.contentHash, e.previousHash);
  }
}
