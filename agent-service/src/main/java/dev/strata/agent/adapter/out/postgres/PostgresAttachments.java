package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.attachment.Attachment;
import dev.strata.agent.domain.attachment.AttachmentOwner;
import dev.strata.agent.domain.attachment.Attachments;
import dev.strata.agent.domain.shared.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link Attachments} on {@code agent.attachments}; the content lock is a transaction-scoped advisory lock. */
public class PostgresAttachments implements Attachments {

  @Override
  public CompletionStage<Attachment> add(Attachment a) {
    AttachmentEntity e = new AttachmentEntity();
    e.id = a.id();
    e.sessionId = a.owner().kind() == AttachmentOwner.Kind.SESSION ? a.owner().id() : null;
    e.executionId = a.owner().kind() == AttachmentOwner.Kind.EXECUTION ? a.owner().id() : null;
    e.fileName = a.fileName();
    e.contentType = a.contentType();
    e.sizeBytes = a.sizeBytes();
    e.sha256 = a.sha256();
    e.createdAt = a.createdAt();
    return Panache.getSession().chain(s -> s.persist(e).chain(s::flush)).map(x -> a)
        .onFailure().transform(Failures::translate).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Optional<Attachment>> get(UUID id) {
    return Panache.getSession().chain(s -> s.find(AttachmentEntity.class, id))
        .map(e -> Optional.ofNullable(e).map(PostgresAttachments::toDomain)).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Page<Attachment>> of(AttachmentOwner owner, int offset, int limit) {
    String column = owner.kind() == AttachmentOwner.Kind.SESSION ? "sessionId" : "executionId";
    return Panache.getSession().chain(s -> s.createSelectionQuery(
            "from AttachmentEntity a where a." + column + " = :owner order by a.createdAt, a.id", AttachmentEntity.class)
        .setParameter("owner", owner.id()).setFirstResult(offset).setMaxResults(limit).getResultList()
        .chain(rows -> s.createSelectionQuery("select count(*) from AttachmentEntity a where a." + column + " = :owner", Long.class)
            .setParameter("owner", owner.id()).getSingleResult()
            .map(total -> new Page<>(rows.stream().map(PostgresAttachments::toDomain).toList(), total, offset, limit))))
        .subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Boolean> remove(UUID id) {
    return Panache.getSession().chain(s -> s.createMutationQuery("delete from AttachmentEntity a where a.id = :id")
        .setParameter("id", id).executeUpdate()).map(rows -> rows > 0).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Long> countWithContent(String sha256) {
    return Panache.getSession().chain(s -> s.createSelectionQuery(
            "select count(*) from AttachmentEntity a where a.sha256 = :sha", Long.class)
        .setParameter("sha", sha256).getSingleResult()).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Void> lockContent(String sha256) {
    // 64-bit key from the digest's first 16 hex digits: collisions only serialise unrelated uploads
    long key = Long.parseUnsignedLong(sha256.substring(0, 16), 16);
    return Panache.getSession().chain(s -> s.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) locked", Integer.class)
        .setParameter("key", key).getSingleResult()).replaceWithVoid().subscribeAsCompletionStage();
  }

  private static Attachment toDomain(AttachmentEntity e) {
    var owner = e.sessionId != null ? AttachmentOwner.session(e.sessionId) : AttachmentOwner.execution(e.executionId);
    return new Attachment(e.id, owner, e.fileName, e.contentType, e.sizeBytes, e.sha256, e.createdAt);
  }
}
