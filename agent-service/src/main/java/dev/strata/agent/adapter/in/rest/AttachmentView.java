package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.attachment.Attachment;
import java.time.Instant;
import java.util.UUID;

/** An attachment's metadata as clients see it; {@code contentUrl} streams its bytes. */
public record AttachmentView(UUID id, UUID sessionId, UUID executionId, String fileName, String contentType, long sizeBytes,
    String sha256, Instant createdAt, String contentUrl) {

  static AttachmentView of(Attachment a) {
    boolean session = a.owner().kind() == dev.strata.agent.domain.attachment.AttachmentOwner.Kind.SESSION;
    return new AttachmentView(a.id(), session ? a.owner().id() : null, session ? null : a.owner().id(), a.fileName(),
        a.contentType(), a.sizeBytes(), a.sha256(), a.createdAt(), "/attachments/" + a.id() + "/content");
  }
}
