package dev.strata.agent.application.files;

import dev.strata.agent.application.Async;
import dev.strata.agent.domain.attachment.Attachment;
import dev.strata.agent.domain.attachment.AttachmentOwner;
import dev.strata.agent.domain.attachment.AttachmentOwners;
import dev.strata.agent.domain.attachment.Attachments;
import dev.strata.agent.domain.attachment.ContentTypes;
import dev.strata.agent.domain.attachment.FileName;
import dev.strata.agent.domain.attachment.FileStore;
import dev.strata.agent.domain.attachment.StoredContent;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.io.InputStream;
import java.time.Clock;

/**
 * Uploads a file to a session or execution: name and type are checked and the owner looked up
 * before a byte is read; the body is streamed into the store (hashed, size-limited); then, under
 * the content's lock, the row is inserted and the staged copy becomes the blob (or is dropped
 * when the same content is already stored). A failure after staging removes the staged copy.
 */
public final class AttachFile {

  private final AttachmentOwners owners;
  private final Attachments attachments;
  private final FileStore files;
  private final UnitOfWork unitOfWork;
  private final ContentTypes contentTypes;
  private final long maxBytes;
  private final Clock clock;

  public AttachFile(AttachmentOwners owners, Attachments attachments, FileStore files, UnitOfWork unitOfWork,
      ContentTypes contentTypes, long maxBytes, Clock clock) {
    this.owners = owners;
    this.attachments = attachments;
    this.files = files;
    this.unitOfWork = unitOfWork;
    this.contentTypes = contentTypes;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  public Uni<Attachment> run(AttachmentOwner owner, String fileName, String contentType, InputStream content) {
    String name = FileName.require(fileName);
    String type = contentTypes.require(contentType);
    Uni<Attachment> upload = Async.uni(() -> unitOfWork.read(() -> owners.exists(owner)))
        .invoke(found -> {
          if (!found) {
            throw new DomainException.NotFound(owner + " not found");
          }
        })
        .chain(found -> Async.uni(() -> files.stage(content, maxBytes)))
        .chain(staged -> record(Attachment.of(owner, name, type, staged, clock.instant()), staged)
            .onFailure().call(() -> Async.uni(() -> files.discard(staged))));
    // a client that disconnects cancels the request; the upload still ends in a row + blob or in a
    // discarded staging copy, never in a staging file nobody removes
    return Uni.createFrom().emitter(done -> upload.subscribe().with(done::complete, done::fail));
  }

  private Uni<Attachment> record(Attachment attachment, StoredContent staged) {
    // the blob is moved into place only after the row is in, inside the lock: a concurrent delete
    // of the last row with this content either ran before (and removed the old blob) or waits
    return Async.uni(() -> unitOfWork.write(() -> attachments.lockContent(staged.sha256())
        .thenCompose(locked -> attachments.add(attachment))
        .thenCompose(added -> files.keep(staged).thenApply(kept -> added))));
  }
}
