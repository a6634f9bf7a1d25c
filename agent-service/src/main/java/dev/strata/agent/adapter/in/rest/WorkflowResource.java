package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.adapter.in.rest.access.AdminAudit;
import dev.strata.agent.application.CreateResource;
import dev.strata.agent.application.DeleteResource;
import dev.strata.agent.application.GetResource;
import dev.strata.agent.application.ListResources;
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
  private final AdminAudit audit;
  private final Clock clock;

  WorkflowResource(GetResource<Workflow> get, ListResources<Workflow> list, CreateResource<Workflow> create,
      ReviseResource<Workflow> revise, DeleteResource<Workflow> delete, AdminAudit audit, Clock clock) {
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
  public Uni<PageView<WorkflowView>> list(@QueryParam("agentId") String agentId, @QueryParam("q") String q,
      @QueryParam("sort") String sort, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    var filters = new HashMap<String, String>();
    filters.put("agentId", agentId == null ? null : Paging.id(agentId).toString());
    return list.run(Paging.query(filters, q, sort, offset, limit)).map(page -> PageView.of(page, WorkflowView::of));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{id}")
  public Uni<WorkflowView> get(@PathParam("id") String id) {
    return get.run(Paging.id(id)).map(WorkflowView::of);
  }

  @RolesAllowed(Roles.OPERATOR)
  @POST
  public Uni<Response> create(@NotNull @Valid WorkflowRequest body, @Context SecurityContext who) {
    Workflow workflow = Workflow.create(body.name(), body.description(), body.agentId(), body.definition(), clock.instant());
    return create.run(workflow).invoke(saved -> audited(who, "create-workflow", saved)).map(saved -> Response.created(URI.create("/workflows/" + saved.id())).entity(WorkflowView.of(saved)).build());
  }

  @RolesAllowed(Roles.OPERATOR)
  @PUT
  @Path("/{id}")
  public Uni<WorkflowView> update(@PathParam("id") String id, @NotNull @Valid WorkflowRequest body, @Context SecurityContext who) {
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
  public Uni<Response> delete(@PathParam("id") String id) {
    return delete.run(Paging.id(id)).map(x -> Response.noContent().build());
  }
}
