package dev.strata.agent.application.files;

import dev.strata.agent.application.Async;
import dev.strata.agent.domain.attachment.Attachments;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Deletes an attachment row, then its blob when no other row references the same content. The row's
 * removal commits first, so a failure can only leave a blob without a row (removed by the next
 * {@link SweepOrphanContent} run), never a row without its blob. The blob is checked and deleted by the
 * sweep's own step, under the content's lock, so an upload of the same bytes cannot slip in between.
 */
public final class RemoveAttachment {

  private static final Logger LOG = Logger.getLogger(RemoveAttachment.class);

  private final Attachments attachments;
  private final SweepOrphanContent orphans;
  private final UnitOfWork unitOfWork;

  public RemoveAttachment(Attachments attachments, SweepOrphanContent orphans, UnitOfWork unitOfWork) {
    this.attachments = attachments;
    this.orphans = orphans;
    this.unitOfWork = unitOfWork;
  }

  public Uni<Void> run(UUID id) {
    return Async.uni(() -> unitOfWork.write(() -> attachments.get(id).thenCompose(found -> {
      var attachment = found.orElseThrow(() -> new DomainException.NotFound("attachment " + id + " not found"));
      return attachments.remove(id).thenApply(removed -> attachment.sha256());
    }))).chain(sha256 -> orphans.deleteIfOrphan(sha256)
        // the attachment is gone either way: a blob left behind is the sweep's to remove, not the caller's error
        .onFailure().invoke(failure -> LOG.warnf(failure, "attachment %s removed; its orphaned blob stays until the next sweep", id))
        .onFailure().recoverWithItem(false))
        .replaceWithVoid();
  }
}
