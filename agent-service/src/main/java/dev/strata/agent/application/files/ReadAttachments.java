package dev.strata.agent.application.files;

import dev.strata.agent.application.Async;
import dev.strata.agent.domain.attachment.Attachment;
import dev.strata.agent.domain.attachment.AttachmentOwner;
import dev.strata.agent.domain.attachment.AttachmentOwners;
import dev.strata.agent.domain.attachment.Attachments;
import dev.strata.agent.domain.attachment.FileStore;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.io.InputStream;
import java.util.UUID;

/** An attachment's metadata, an owner's attachments, and an attachment's bytes. */
public final class ReadAttachments {

  /** Metadata and the opened content; the caller closes {@code content}. */
  public record Download(Attachment attachment, InputStream content) {}

  private final AttachmentOwners owners;
  private final Attachments attachments;
  private final FileStore files;
  private final UnitOfWork unitOfWork;

  public ReadAttachments(AttachmentOwners owners, Attachments attachments, FileStore files, UnitOfWork unitOfWork) {
    this.owners = owners;
    this.attachments = attachments;
    this.files = files;
    this.unitOfWork = unitOfWork;
  }

  public Uni<Attachment> get(UUID id) {
    return Async.uni(() -> unitOfWork.read(() -> attachments.get(id)))
        .map(found -> found.orElseThrow(() -> new DomainException.NotFound("attachment " + id + " not found")));
  }

  public Uni<Page<Attachment>> of(AttachmentOwner owner, int offset, int limit) {
    return Async.uni(() -> unitOfWork.read(() -> owners.exists(owner).thenCompose(found -> {
      if (!found) {
        throw new DomainException.NotFound(owner + " not found");
      }
      return attachments.of(owner, offset, limit);
    })));
  }

  public Uni<Download> open(UUID id) {
    return get(id).chain(attachment -> Async.uni(() -> files.open(attachment.sha256())).map(content -> new Download(attachment, content)));
  }
}
