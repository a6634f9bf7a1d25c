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
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Files attached to an execution (workflow outputs, inputs): upload (raw body, streamed) and list. */
@Path("/executions/{id}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attachments")
public class ExecutionAttachmentResource {

  private final AttachFile attach;
  private final ReadAttachments read;

  ExecutionAttachmentResource(AttachFile attach, ReadAttachments read) {
    this.attach = attach;
    this.read = read;
  }

  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Blocking
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Upload a file: the raw bytes as the body, their media type as Content-Type, the file name in ?name=")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
      schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "201", description = "stored; Location is the attachment")
  @APIResponse(responseCode = "404", description = "no such execution")
  @APIResponse(responseCode = "413", description = "larger than agent.files.max-size")
  @APIResponse(responseCode = "415", description = "Content-Type missing or not in agent.files.content-types")
  @APIResponse(responseCode = "422", description = "file name empty, over 128 characters, or with separators/control characters")
  public Uni<Response> upload(@PathParam("id") String id,
      @Parameter(description = "the file's name (metadata only, never a path)", required = true) @QueryParam("name") String name,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    return Uploads.upload(attach, AttachmentOwner.execution(Paging.id(id)), name, contentType, body);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Operation(summary = "The execution's attachments, oldest first")
  public Uni<PageView<AttachmentView>> list(@PathParam("id") String id, @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    var query = Paging.query(Map.of(), null, null, offset, limit);
    return read.of(AttachmentOwner.execution(Paging.id(id)), query.offset(), query.limit()).map(page -> PageView.of(page, AttachmentView::of));
  }
}
