package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.audit.AuditChain;
import dev.strata.agent.domain.audit.AuditLog;
import dev.strata.agent.domain.audit.AuditRecord;
import dev.strata.agent.domain.shared.Page;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link AuditLog} on {@code agent.audit_log}. Appends serialize on a
 * transaction-scoped advisory lock; a whole batch is one INSERT of fixed text over arrays, so it is
 * prepared once whatever the batch's size (the audit writer is on every execution's path).
 */
public class PostgresAuditLog implements AuditLog {

  /** Arbitrary but fixed: the advisory lock key of the audit chain's tail. */
  private static final long TAIL_LOCK = 0x5A_41_55_44_49_54L;

  private static final String COLUMNS = "seq, message_id, service, actor, action, resource, outcome, at, correlation_id, "
      + "details::text AS details, content_hash, previous_hash, hash_version";
  private static final String LOCK = "SELECT pg_advisory_xact_lock($1)";
  /** A statement of its own after the lock: its snapshot then sees the previous holder's rows. */
  private static final String TAIL = "SELECT content_hash FROM agent.audit_log ORDER BY seq DESC LIMIT 1";
  private static final String SEEN = "SELECT message_id FROM agent.audit_log WHERE message_id = ANY($1)";
  /** The rows take their {@code seq} in the arrays' order, which is the order they were linked in. */
  private static final String APPEND = """
      INSERT INTO agent.audit_log (message_id, service, actor, action, resource, outcome, at, correlation_id, details,
        content_hash, previous_hash, hash_version)
      SELECT m, s, a, c, r, o, t, k, CAST(d AS jsonb), h, p, v
      FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::timestamptz[],
        $8::varchar[], $9::text[], $10::varchar[], $11::varchar[], $12::smallint[]) WITH ORDINALITY AS u(m, s, a, c, r, o, t, k, d, h, p, v, n)
      ORDER BY n""";
  private static final String AFTER = "SELECT " + COLUMNS + " FROM agent.audit_log WHERE seq > $1 ORDER BY seq LIMIT $2";

  @Override
  public CompletionStage<Set<UUID>> seen(Collection<UUID> messageIds) {
    if (messageIds.isEmpty()) {
      return CompletableFuture.completedFuture(Set.of());
    }
    return Sql.run(SEEN, Tuple.of(messageIds.toArray(UUID[]::new))).thenApply(rows -> {
      Set<UUID> seen = new HashSet<>();
      rows.forEach(row -> seen.add(row.getUUID("message_id")));
      return seen;
    });
  }

  @Override
  public CompletionStage<String> lockTail() {
    return Sql.run(LOCK, Tuple.of(TAIL_LOCK))
        .thenCompose(locked -> Sql.one(TAIL, Tuple.tuple(), row -> row.getString("content_hash")))
        .thenApply(tail -> tail.orElse(AuditChain.GENESIS));
  }

  @Override
  public CompletionStage<Void> appendAll(List<AuditRecord> records) {
    if (records.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    int n = records.size();
    UUID[] messageIds = new UUID[n];
    String[] services = new String[n], actors = new String[n], actions = new String[n], resources = new String[n], outcomes = new String[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    String[] correlationIds = new String[n], details = new String[n], hashes = new String[n], previous = new String[n];
    Short[] versions = new Short[n];
    for (int i = 0; i < n; i++) {
      AuditRecord r = records.get(i);
      messageIds[i] = r.messageId();
      services[i] = r.service();
      actors[i] = r.actor();
      actions[i] = r.action();
      resources[i] = r.resource();
      outcomes[i] = r.outcome();
      at[i] = Sql.time(r.at());
      correlationIds[i] = r.correlationId();
      details[i] = Sql.json(r.details());
      hashes[i] = r.contentHash();
      previous[i] = r.previousHash();
      versions[i] = (short) r.hashVersion();
    }
    Tuple arrays = Tuple.tuple().addArrayOfUUID(messageIds).addArrayOfString(services).addArrayOfString(actors).addArrayOfString(actions)
        .addArrayOfString(resources).addArrayOfString(outcomes).addArrayOfOffsetDateTime(at).addArrayOfString(correlationIds)
        .addArrayOfString(details).addArrayOfString(hashes).addArrayOfString(previous).addArrayOfShort(versions);
    return Sql.run(APPEND, arrays).thenApply(rows -> null);
  }

  @Override
  public CompletionStage<List<AuditRecord>> after(long afterSeq, int limit) {
    return Sql.run(AFTER, Tuple.of(afterSeq, limit)).thenApply(PostgresAuditLog::records);
  }

  @Override
  public CompletionStage<Page<AuditRecord>> search(String actor, String resource, Instant from, Instant to, int offset, int limit) {
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    add(conditions, values, "actor = $", actor);
    add(conditions, values, "resource = $", resource);
    add(conditions, values, "at >= $", Sql.time(from));
    add(conditions, values, "at < $", Sql.time(to));
    String rows = "FROM agent.audit_log" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
    return Sql.page(COLUMNS, rows, "seq DESC", Tuple.from(values), offset, limit, PostgresAuditLog::toDomain);
  }

  private static void add(List<String> conditions, List<Object> values, String condition, Object value) {
    if (value != null) {
      values.add(value);
      conditions.add(condition + values.size());
    }
  }

  private static List<AuditRecord> records(RowSet<Row> rows) {
    List<AuditRecord> records = new ArrayList<>(rows.size());
    rows.forEach(row -> records.add(toDomain(row)));
    return records;
  }

  private static AuditRecord toDomain(Row row) {
    Map<String, String> details = new LinkedHashMap<>();
    Sql.object(row.getString("details")).forEach((key, value) -> details.put(key, String.valueOf(value)));
    return new AuditRecord(row.getLong("seq"), row.getUUID("message_id"), row.getString("service"), row.getString("actor"),
        row.getString("action"), row.getString("resource"), row.getString("outcome"), Sql.instant(row, "at"),
        row.getString("correlation_id"), details, row.getString("content_hash"), row.getString("previous_hash"), row.getShort("hash_version"));
  }
}
