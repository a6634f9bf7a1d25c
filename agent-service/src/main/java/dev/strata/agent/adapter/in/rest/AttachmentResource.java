package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.application.SessionAccess;
import dev.strata.agent.application.files.ReadAttachments;
import dev.strata.agent.application.files.RemoveAttachment;
import dev.strata.agent.domain.attachment.Attachment;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One attachment: metadata, content (streamed) and deletion. */
@Path("/attachments/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attachments")
public class AttachmentResource {

  private final ReadAttachments read;
  private final RemoveAttachment remove;
  private final SessionAccess access;

  AttachmentResource(ReadAttachments read, RemoveAttachment remove, SessionAccess access) {
    this.read = read;
    this.remove = remove;
    this.access = access;
  }

  /** The attachment when the caller may see its owner; a session's file of someone else's is as missing as a missing one. */
  private Uni<Attachment> visible(String id, SecurityContext who) {
    UUID attachmentId = Paging.id(id);
    return read.get(attachmentId).call(found -> access.requireOwner(found.owner(), Callers.of(who))
        .onFailure(DomainException.NotFound.class).transform(hidden -> new DomainException.NotFound("attachment " + attachmentId + " not found")));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Operation(summary = "Get an attachment's metadata: name, content type, size, sha256 and owner")
  public Uni<AttachmentView> get(@Parameter(description = "the attachment's id (a UUID)") @PathParam("id") String id, @Context SecurityContext who) {
    return visible(id, who).map(AttachmentView::of);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/content")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "The bytes, with the recorded Content-Type, Content-Length, ETag (the sha256) and Content-Disposition")
  @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
      schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  public Uni<Response> content(@Parameter(description = "the attachment's id (a UUID)") @PathParam("id") String id,
      @Parameter(description = "the ETag of a copy you have: when it is still the content's, 304 without the bytes")
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @Context SecurityContext who) {
    return visible(id, who).chain(found -> {
      String etag = '"' + found.sha256() + '"';
      if (etag.equals(ifNoneMatch)) {
        return Uni.createFrom().item(Response.notModified().header(HttpHeaders.ETAG, etag).build());
      }
      return read.open(found.id()).map(download -> Response.ok(download.content(), download.attachment().contentType())
          .header(HttpHeaders.CONTENT_LENGTH, download.attachment().sizeBytes())
          .header(HttpHeaders.ETAG, etag)
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(download.attachment().fileName()))
          // never render an uploaded file as something else (an HTML "text/plain")
          .header("X-Content-Type-Options", "nosniff")
          .build());
    });
  }

  /** The blob goes too when no other attachment has the same content. */
  @RolesAllowed(Roles.OPERATOR)
  @DELETE
  @Operation(summary = "Delete an attachment; its stored bytes go too when no other attachment has the same content")
  public Uni<Response> delete(@Parameter(description = "the attachment's id (a UUID)") @PathParam("id") String id, @Context SecurityContext who) {
    return visible(id, who).chain(mine -> remove.run(mine.id())).map(x -> Response.noContent().build());
  }
}
