package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.adapter.in.rest.access.AdminAudit;
import dev.strata.agent.application.CreateResource;
import dev.strata.agent.application.DeleteResource;
import dev.strata.agent.application.GetResource;
import dev.strata.agent.application.ListResources;
import dev.strata.agent.application.ReadWorkflowVersions;
import dev.strata.agent.adapter.in.rest.WorkflowView.WorkflowVersionView;
import dev.strata.agent.application.ReviseResource;
import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CRUD for workflow definitions, validated on save (unknown kind, dangling reference, cycle → 422). */
@Path("/workflows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "workflows")
public class WorkflowResource {

  private final GetResource<Workflow> get;
  private final ListResources<Workflow> list;
  private final CreateResource<Workflow> create;
  private final ReviseResource<Workflow> revise;
  private final DeleteResource<Workflow> delete;
  private final ReadWorkflowVersions versions;
  private final AdminAudit audit;
  private final Clock clock;

  WorkflowResource(GetResource<Workflow> get, ListResources<Workflow> list, CreateResource<Workflow> create,
      ReviseResource<Workflow> revise, DeleteResource<Workflow> delete, ReadWorkflowVersions versions, AdminAudit audit, Clock clock) {
    this.versions = versions;
    this.audit = audit;
    this.get = get;
    this.list = list;
    this.create = create;
    this.revise = revise;
    this.delete = delete;
    this.clock = clock;
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Operation(summary = "List workflow definitions, a page at a time, filtered by agent, searched by name and sorted")
  public Uni<PageView<WorkflowView>> list(
      @Parameter(description = "only workflows of this agent (a UUID)") @QueryParam("agentId") String agentId,
      @Parameter(description = "case-insensitive search in the name (part of it, at most 100 characters)") @QueryParam("q") String q,
      @Parameter(description = "order by name, createdAt (default) or updatedAt; a leading - sorts descending") @QueryParam("sort") String sort,
      @Parameter(description = "how many items to skip (default 0)") @QueryParam("offset") String offset,
      @Parameter(description = "page size, at least 1 (default 50; above 200 is taken as 200)") @QueryParam("limit") String limit) {
    var filters = new HashMap<String, String>();
    filters.put("agentId", agentId == null ? null : Paging.id(agentId).toString());
    return list.run(Paging.query(filters, q, sort, offset, limit)).map(page -> PageView.of(page, WorkflowView::of));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{id}")
  @Operation(summary = "Get one workflow definition")
  public Uni<WorkflowView> get(@Parameter(description = "the workflow's id (a UUID)") @PathParam("id") String id) {
    return get.run(Paging.id(id)).map(WorkflowView::of);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{id}/versions")
  @Operation(summary = "List the stored versions of a workflow's definition, newest first, a page at a time",
      description = "Every create and update stores a version; an execution runs the version it started with (`workflowVersion`).")
  public Uni<PageView<WorkflowVersionView>> versions(@Parameter(description = "the workflow's id (a UUID)") @PathParam("id") String id,
      @Parameter(description = "how many items to skip (default 0)") @QueryParam("offset") String offset,
      @Parameter(description = "page size, at least 1 (default 50; above 200 is taken as 200)") @QueryParam("limit") String limit) {
    var query = Paging.query(java.util.Map.of(), null, null, offset, limit);
    return versions.list(Paging.id(id), query.offset(), query.limit()).map(page -> PageView.of(page, WorkflowVersionView::of));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{id}/versions/{version}")
  @Operation(summary = "Get one stored version of a workflow's definition")
  public Uni<WorkflowVersionView> version(@Parameter(description = "the workflow's id (a UUID)") @PathParam("id") String id,
      @Parameter(description = "the version (0 is the definition as created)") @PathParam("version") String version) {
    return versions.get(Paging.id(id), Paging.number("version", version, 0)).map(WorkflowVersionView::of);
  }

  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Operation(summary = "Create a workflow definition, validated first (unknown step kind, dangling reference or cycle: 422)")
  public Uni<Response> create(@NotNull @Valid WorkflowRequest body, @Context SecurityContext who) {
    Workflow workflow = Workflow.create(body.name(), body.description(), body.agentId(), body.definition(), clock.instant());
    return create.run(workflow).invoke(saved -> audited(who, "create-workflow", saved)).map(saved -> Response.created(URI.create("/workflows/" + saved.id())).entity(WorkflowView.of(saved)).build());
  }

  @RolesAllowed(Roles.OPERATOR)
  @PUT
  @Path("/{id}")
  @Operation(summary = "Replace a workflow definition, sending the version you last read; validated as on create",
      description = "Optimistic concurrency: `version` is required (without it 422) and must be the workflow's current one (a stale one is a 409).")
  public Uni<WorkflowView> update(@Parameter(description = "the workflow's id (a UUID)") @PathParam("id") String id, @NotNull @Valid WorkflowRequest body,
      @Context SecurityContext who) {
    if (body.version() == null) {
      throw new DomainException.Invalid("version is required to update (the version you last read)");
    }
    return revise.run(Paging.id(id), current -> current.revise(body.name(), body.description(), body.agentId(),
        body.definition(), body.version(), clock.instant())).invoke(saved -> audited(who, "update-workflow", saved)).map(WorkflowView::of);
  }

  private void audited(SecurityContext who, String action, Workflow saved) {
    audit.record(who, action, "/workflows/" + saved.id(), java.util.Map.of("name", saved.name(), "version", String.valueOf(saved.version())));
  }

  @RolesAllowed(Roles.OPERATOR)
  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a workflow definition; 409 while it has executions")
  public Uni<Response> delete(@Parameter(description = "the workflow's id (a UUID)") @PathParam("id") String id) {
    return delete.run(Paging.id(id)).map(x -> Response.noContent().build());
  }
}
