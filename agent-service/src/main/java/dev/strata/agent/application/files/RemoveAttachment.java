package dev.strata.agent.application.files;

import dev.strata.agent.application.Async;
import dev.strata.agent.domain.attachment.Attachments;
import dev.strata.agent.domain.attachment.FileStore;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Deletes an attachment row, and its blob when no other row references the same content. Both
 * happen under the content's lock, so an upload of the same bytes cannot slip in between.
 */
public final class RemoveAttachment {

  private final Attachments attachments;
  private final FileStore files;
  private final BlockingWork blocking;
  private final UnitOfWork unitOfWork;

  public RemoveAttachment(Attachments attachments, FileStore files, BlockingWork blocking, UnitOfWork unitOfWork) {
    this.attachments = attachments;
    this.files = files;
    this.blocking = blocking;
    this.unitOfWork = unitOfWork;
  }

  public Uni<Void> run(UUID id) {
    return Async.uni(() -> unitOfWork.write(() -> attachments.get(id).thenCompose(found -> {
      var attachment = found.orElseThrow(() -> new DomainException.NotFound("attachment " + id + " not found"));
      String sha256 = attachment.sha256();
      return attachments.lockContent(sha256)
          .thenCompose(locked -> attachments.remove(id))
          .thenCompose(removed -> attachments.countWithContent(sha256))
          .thenCompose(left -> blocking.run(() -> {
            // before the commit, still under the lock; should the commit fail, the row is back
            // without its blob (a download then answers 404)
            if (left == 0) {
              files.delete(sha256);
            }
            return (Void) null;
          }));
    })));
  }
}
