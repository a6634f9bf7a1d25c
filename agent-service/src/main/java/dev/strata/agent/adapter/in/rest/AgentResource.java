package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.application.CreateResource;
import dev.strata.agent.application.DeleteResource;
import dev.strata.agent.application.GetResource;
import dev.strata.agent.application.ListResources;
import dev.strata.agent.application.ReviseResource;
import dev.strata.agent.domain.agent.Agent;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CRUD for agents. */
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "agents")
public class AgentResource {

  private final GetResource<Agent> get;
  private final ListResources<Agent> list;
  private final CreateResource<Agent> create;
  private final ReviseResource<Agent> revise;
  private final DeleteResource<Agent> delete;
  private final Clock clock;

  AgentResource(GetResource<Agent> get, ListResources<Agent> list, CreateResource<Agent> create,
      ReviseResource<Agent> revise, DeleteResource<Agent> delete, Clock clock) {
    this.get = get;
    this.list = list;
    this.create = create;
    this.revise = revise;
    this.delete = delete;
    this.clock = clock;
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Operation(summary = "List agents, a page at a time, filtered, searched by name and sorted")
  public Uni<PageView<AgentView>> list(
      @Parameter(description = "only agents of this type (exact match)") @QueryParam("type") String type,
      @Parameter(description = "only agents with this status: active or inactive") @QueryParam("status") String status,
      @Parameter(description = "only agents on this model (exact match)") @QueryParam("model") String model,
      @Parameter(description = "case-insensitive search in the name (part of it, at most 100 characters)") @QueryParam("q") String q,
      @Parameter(description = "order by name, type, createdAt (default) or updatedAt; a leading - sorts descending") @QueryParam("sort") String sort,
      @Parameter(description = "how many items to skip (default 0)") @QueryParam("offset") String offset,
      @Parameter(description = "page size, at least 1 (default 50; above 200 is taken as 200)") @QueryParam("limit") String limit) {
    var filters = new HashMap<String, String>();
    filters.put("type", type);
    filters.put("status", status);
    filters.put("model", model);
    return list.run(Paging.query(filters, q, sort, offset, limit)).map(page -> PageView.of(page, AgentView::of));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{id}")
  @Operation(summary = "Get one agent")
  public Uni<AgentView> get(@Parameter(description = "the agent's id (a UUID)") @PathParam("id") String id) {
    return get.run(Paging.id(id)).map(AgentView::of);
  }

  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Operation(summary = "Create an agent; Location names it")
  public Uni<Response> create(@NotNull @Valid AgentRequest body) {
    Agent agent = Agent.create(body.name(), body.type(), body.model(), body.systemPrompt(), body.config(), body.status(), clock.instant());
    return create.run(agent).map(saved -> Response.created(URI.create("/agents/" + saved.id())).entity(AgentView.of(saved)).build());
  }

  @RolesAllowed(Roles.OPERATOR)
  @PUT
  @Path("/{id}")
  @Operation(summary = "Replace an agent's fields, sending the version you last read",
      description = "Optimistic concurrency: `version` is required (without it 422) and must be the agent's current one (a stale one is a 409).")
  public Uni<AgentView> update(@Parameter(description = "the agent's id (a UUID)") @PathParam("id") String id, @NotNull @Valid AgentRequest body) {
    if (body.version() == null) {
      throw new DomainException.Invalid("version is required to update (the version you last read)");
    }
    return revise.run(Paging.id(id), current -> current.revise(body.name(), body.type(), body.model(), body.systemPrompt(),
        body.config(), body.status(), body.version(), clock.instant())).map(AgentView::of);
  }

  @RolesAllowed(Roles.OPERATOR)
  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete an agent; its sessions are deleted with it")
  public Uni<Response> delete(@Parameter(description = "the agent's id (a UUID)") @PathParam("id") String id) {
    return delete.run(Paging.id(id)).map(x -> Response.noContent().build());
  }
}
