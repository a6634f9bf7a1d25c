package dev.strata.agent.adapter.out.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.agent.domain.audit.AuditChain;
import dev.strata.agent.domain.audit.AuditLog;
import dev.strata.agent.domain.audit.AuditRecord;
import dev.strata.agent.domain.shared.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link AuditLog} on {@code agent.audit_log}; appends serialize on a transaction-scoped advisory lock. */
public class PostgresAuditLog implements AuditLog {

  /** Arbitrary but fixed: the advisory lock key of the audit chain's tail. */
  private static final long TAIL_LOCK = 0x5A_41_55_44_49_54L;

  private static final String INSERT = "INSERT INTO agent.audit_log (message_id, service, actor, action, resource, outcome, at, "
      + "correlation_id, details, content_hash, previous_hash) VALUES ";
  /**
   * One row of {@link #appendAll}'s VALUES, {@code #} being the row's number. Every parameter is
   * cast, so a null needs no type; details go in as text first, because the SQL client sends a
   * string bound to a jsonb parameter as a JSON string, not as the object it spells.
   */
  private static final String ROW = "(CAST(:m# AS uuid), CAST(:s# AS varchar), CAST(:a# AS varchar), CAST(:c# AS varchar), "
      + "CAST(:r# AS varchar), CAST(:o# AS varchar), CAST(:t# AS timestamptz), CAST(:k# AS varchar), CAST(CAST(:d# AS text) AS jsonb), "
      + "CAST(:h# AS varchar), CAST(:p# AS varchar))";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public CompletionStage<Set<UUID>> seen(Collection<UUID> messageIds) {
    if (messageIds.isEmpty()) {
      return CompletableFuture.completedFuture(Set.of());
    }
    return Panache.getSession().chain(s -> s.createSelectionQuery("select a.messageId from AuditEntity a where a.messageId in :ids", UUID.class)
        .setParameter("ids", messageIds).getResultList()).map(Set::copyOf).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<String> lockTail() {
    return Panache.getSession().chain(s -> s.createNativeQuery("select 1 from (select pg_advisory_xact_lock(" + TAIL_LOCK + ")) l", Integer.class)
            .getSingleResult()
            .chain(x -> s.createSelectionQuery("select a.contentHash from AuditEntity a order by a.seq desc", String.class)
                .setMaxResults(1).getResultList()))
        .map(hashes -> hashes.isEmpty() ? AuditChain.GENESIS : hashes.getFirst()).subscribeAsCompletionStage();
  }

  /**
   * One multi-row INSERT for the whole batch instead of a persist and flush per row: the rows take
   * their {@code seq} from the sequence in VALUES order, which is the order they were linked in.
   */
  @Override
  public CompletionStage<Void> appendAll(List<AuditRecord> records) {
    if (records.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    StringBuilder sql = new StringBuilder(INSERT);
    for (int i = 0; i < records.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(ROW.replace("#", String.valueOf(i)));
    }
    return Panache.getSession().chain(s -> {
      var insert = s.createNativeQuery(sql.toString());
      for (int i = 0; i < records.size(); i++) {
        AuditRecord r = records.get(i);
        insert.setParameter("m" + i, r.messageId()).setParameter("s" + i, r.service()).setParameter("a" + i, r.actor())
            .setParameter("c" + i, r.action()).setParameter("r" + i, r.resource()).setParameter("o" + i, r.outcome())
            .setParameter("t" + i, r.at().atOffset(ZoneOffset.UTC)).setParameter("k" + i, r.correlationId())
            .setParameter("d" + i, json(r.details())).setParameter("h" + i, r.contentHash()).setParameter("p" + i, r.previousHash());
      }
      return insert.executeUpdate();
    }).onFailure().transform(Failures::translate).replaceWithVoid().subscribeAsCompletionStage();
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

  private static String json(Map<String, String> details) {
    try {
      return JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
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
