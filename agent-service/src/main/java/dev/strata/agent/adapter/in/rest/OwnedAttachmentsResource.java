package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.application.files.AttachFile;
import dev.strata.agent.application.files.ReadAttachments;
import dev.strata.agent.domain.attachment.AttachmentOwner;
import dev.strata.kernel.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
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
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import java.util.Map;
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
 * subscribed there; it reads the body on a worker itself ({@code BlockingWork}).
 */
abstract class OwnedAttachmentsResource {

  private final AttachFile attach;
  private final ReadAttachments read;

  OwnedAttachmentsResource(AttachFile attach, ReadAttachments read) {
    this.attach = attach;
    this.read = read;
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
  public Uni<Response> upload(@PathParam("id") String id,
      @Parameter(description = "the file's name (metadata only, never a path)", required = true) @QueryParam("name") String name,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    AttachmentOwner owner = owner(Paging.id(id));
    Uni<Response> created = Uni.createFrom().deferred(() -> attach.run(owner, name, contentType, body))
        .map(saved -> Response.created(URI.create("/attachments/" + saved.id())).entity(AttachmentView.of(saved)).build());
    Context request = Vertx.currentContext();
    return request == null ? created : created.runSubscriptionOn(task -> request.runOnContext(ignored -> task.run()));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Operation(summary = "The owner's attachments, oldest first")
  public Uni<PageView<AttachmentView>> list(@PathParam("id") String id, @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    var query = Paging.query(Map.of(), null, null, offset, limit);
    return read.of(owner(Paging.id(id)), query.offset(), query.limit()).map(page -> PageView.of(page, AttachmentView::of));
  }
}
