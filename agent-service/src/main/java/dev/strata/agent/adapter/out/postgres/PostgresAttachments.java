package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.attachment.Attachment;
import dev.strata.agent.domain.attachment.AttachmentOwner;
import dev.strata.agent.domain.attachment.Attachments;
import dev.strata.agent.domain.shared.Page;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@link Attachments} on {@code agent.attachments}, whose owner is one of two columns (a CHECK keeps exactly
 * one set); the content lock is a transaction-scoped advisory lock.
 */
public class PostgresAttachments implements Attachments {

  private static final String COLUMNS = "id, session_id, execution_id, file_name, content_type, size_bytes, sha256, created_at";
  private static final String INSERT = "INSERT INTO agent.attachments (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

  @Override
  public CompletionStage<Attachment> add(Attachment a) {
    boolean ofSession = a.owner().kind() == AttachmentOwner.Kind.SESSION;
    Tuple row = Tuple.tuple().addValue(a.id()).addValue(ofSession ? a.owner().id() : null).addValue(ofSession ? null : a.owner().id())
        .addValue(a.fileName()).addValue(a.contentType()).addLong(a.sizeBytes()).addValue(a.sha256()).addValue(Sql.time(a.createdAt()));
    return Sql.run(INSERT, row).thenApply(inserted -> a);
  }

  @Override
  public CompletionStage<Optional<Attachment>> get(UUID id) {
    return Sql.one("SELECT " + COLUMNS + " FROM agent.attachments WHERE id = $1", Tuple.of(id), PostgresAttachments::toDomain);
  }

  @Override
  public CompletionStage<Page<Attachment>> of(AttachmentOwner owner, int offset, int limit) {
    String from = "FROM agent.attachments WHERE " + (owner.kind() == AttachmentOwner.Kind.SESSION ? "session_id" : "execution_id") + " = $1";
    return Sql.page(COLUMNS, from, "created_at, id", Tuple.of(owner.id()), offset, limit, PostgresAttachments::toDomain);
  }

  @Override
  public CompletionStage<Boolean> remove(UUID id) {
    return Sql.run("DELETE FROM agent.attachments WHERE id = $1", Tuple.of(id)).thenApply(deleted -> deleted.rowCount() > 0);
  }

  @Override
  public CompletionStage<Long> countWithContent(String sha256) {
    return Sql.count("SELECT count(*) FROM agent.attachments WHERE sha256 = $1", Tuple.of(sha256));
  }

  @Override
  public CompletionStage<Void> lockContent(String sha256) {
    // 64-bit key from the digest's first 16 hex digits: collisions only serialise unrelated uploads
    long key = Long.parseUnsignedLong(sha256.substring(0, 16), 16);
    return Sql.run("SELECT pg_advisory_xact_lock($1)", Tuple.of(key)).thenApply(locked -> null);
  }

  private static Attachment toDomain(Row row) {
    UUID session = row.getUUID("session_id");
    var owner = session != null ? AttachmentOwner.session(session) : AttachmentOwner.execution(row.getUUID("execution_id"));
    return new Attachment(row.getUUID("id"), owner, row.getString("file_name"), row.getString("content_type"), row.getLong("size_bytes"),
        row.getString("sha256"), Sql.instant(row, "created_at"));
  }
}
