package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.application.SessionAccess;
import dev.strata.agent.application.files.AttachFile;
import dev.strata.agent.application.files.ReadAttachments;
import dev.strata.agent.domain.attachment.AttachmentOwner;
import dev.strata.agent.domain.shared.Caller;
import dev.strata.kernel.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Upload and list of the files attached to one owner; {@link SessionAttachmentResource} and
 * {@link ExecutionAttachmentResource} differ only in whose files they are.
 *
 * <p>Uploads are blocking (Quarkus REST streams an {@link InputStream} body only to a worker thread)
 * while the reactive database session lives on the request's Vert.x context, so the use case is
 * subscribed there; the file store reads the body on a worker and answers back on that context.
 */
abstract class OwnedAttachmentsResource {


  private final AttachFile attach;
  private final ReadAttachments read;
  private final SessionAccess access;

  OwnedAttachmentsResource(AttachFile attach, ReadAttachments read, SessionAccess access) {
    this.attach = attach;
    this.read = read;
    this.access = access;
  }

  abstract AttachmentOwner owner(UUID id);

  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Blocking
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Upload a file: the raw bytes as the body, their media type as Content-Type, the file name in ?name=")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
      schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "201", description = "stored; Location is the attachment")
  @APIResponse(responseCode = "404", description = "no such session or execution")
  @APIResponse(responseCode = "413", description = "larger than agent.files.max-size")
  @APIResponse(responseCode = "415", description = "Content-Type missing or not in agent.files.content-types")
  @APIResponse(responseCode = "422", description = "file name empty, over 128 characters, or with separators/control characters")
  public Uni<Response> upload(@Parameter(description = "the id (a UUID) of the session or execution the file is attached to") @PathParam("id") String id,
      @Parameter(description = "the file's name (metadata only, never a path)", required = true) @QueryParam("name") String name,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, @jakarta.ws.rs.core.Context SecurityContext who) {
    AttachmentOwner owner = owner(Paging.id(id));
    Caller caller = Callers.of(who);
    Uni<Response> created = Uni.createFrom().deferred(() -> access.requireOwner(owner, caller))
        .chain(mine -> attach.run(owner, name, contentType, body))
        .map(saved -> Response.created(URI.create("/attachments/" + saved.id())).entity(AttachmentView.of(saved)).build());
    Context request = Vertx.currentContext();
    return request == null ? created : created.runSubscriptionOn(task -> request.runOnContext(ignored -> task.run()));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Operation(summary = "The owner's attachments, oldest first")
  public Uni<PageView<AttachmentView>> list(
      @Parameter(description = "the id (a UUID) of the session or execution whose files these are") @PathParam("id") String id,
      @Parameter(description = "how many items to skip (default 0)") @QueryParam("offset") String offset,
      @Parameter(description = "page size, at least 1 (default 50; above 200 is taken as 200)") @QueryParam("limit") String limit,
      @jakarta.ws.rs.core.Context SecurityContext who) {
    var query = Paging.query(Map.of(), null, null, offset, limit);
    AttachmentOwner owner = owner(Paging.id(id));
    return access.requireOwner(owner, Callers.of(who)).chain(mine -> read.of(owner, query.offset(), query.limit())).map(page -> PageView.of(page, AttachmentView::of));
  }
}
