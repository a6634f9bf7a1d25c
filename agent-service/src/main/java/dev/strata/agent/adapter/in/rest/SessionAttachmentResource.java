package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.application.SessionAccess;
import dev.strata.agent.application.files.AttachFile;
import dev.strata.agent.application.files.ReadAttachments;
import dev.strata.agent.domain.attachment.AttachmentOwner;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Files attached to a session: upload (raw body, streamed) and list. */
@Path("/sessions/{id}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attachments")
public class SessionAttachmentResource extends OwnedAttachmentsResource {

  SessionAttachmentResource(AttachFile attach, ReadAttachments read, SessionAccess access) {
    super(attach, read, access);
  }

  @Override
  AttachmentOwner owner(UUID id) {
    return AttachmentOwner.session(id);
  }
}
