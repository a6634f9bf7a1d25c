package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.application.CreateResource;
import dev.strata.agent.application.DeleteResource;
import dev.strata.agent.application.ListResources;
import dev.strata.agent.application.ReviseResource;
import dev.strata.agent.application.SessionAccess;
import dev.strata.agent.application.SessionConversation;
import dev.strata.agent.domain.session.Session;
import dev.strata.agent.domain.session.SessionMessage;
import dev.strata.agent.domain.shared.Caller;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CRUD for sessions and their messages. A session is its creator's (the token subject): readers and
 * operators see and change only their own, administrators and services all; someone else's session
 * answers 404, as a missing one does.
 */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sessions")
public class SessionResource {

  /** Body of POST (agentId required) and PUT (version required; agent and owner are fixed; the user is the token's). */
  public record SessionRequest(UUID agentId, @NotBlank @Size(max = 200) String title, Map<String, Object> state,
      @PositiveOrZero Long version) {}

  /** Body of {@code POST /sessions/{id}/messages}. */
  public record MessageRequest(@NotBlank String role, @NotNull @Size(max = 100_000) String content) {}

  private final ListResources<Session> list;
  private final CreateResource<Session> create;
  private final ReviseResource<Session> revise;
  private final DeleteResource<Session> delete;
  private final SessionConversation conversation;
  private final SessionAccess access;
  private final Clock clock;

  SessionResource(ListResources<Session> list, CreateResource<Session> create, ReviseResource<Session> revise,
      DeleteResource<Session> delete, SessionConversation conversation, SessionAccess access, Clock clock) {
    this.list = list;
    this.create = create;
    this.revise = revise;
    this.delete = delete;
    this.conversation = conversation;
    this.access = access;
    this.clock = clock;
  }

  @RolesAllowed(Roles.READER)
  @GET
  public Uni<PageView<Session>> list(@QueryParam("agentId") String agentId, @QueryParam("userId") String userId,
      @QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("offset") String offset, @QueryParam("limit") String limit,
      @Context SecurityContext who) {
    var filters = new HashMap<String, String>();
    filters.put("agentId", agentId == null ? null : Paging.id(agentId).toString());
    filters.put("userId", userId == null ? null : Paging.id(userId).toString());
    Caller caller = Callers.of(who);
    if (!caller.seesEverything()) {
      filters.put("owner", caller.name());
    }
    return list.run(Paging.query(filters, q, sort, offset, limit)).map(page -> PageView.of(page, s -> s));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{id}")
  public Uni<Session> get(@PathParam("id") String id, @Context SecurityContext who) {
    return access.require(Paging.id(id), Callers.of(who));
  }

  /** A missing agent or user is a 409 (the reference does not hold). */
  @RolesAllowed(Roles.OPERATOR)
  @POST
  public Uni<Response> create(@NotNull @Valid SessionRequest body, @Context SecurityContext who) {
    Caller caller = Callers.of(who);
    return access.userIdOf(caller)
        .chain(userId -> create.run(Session.create(body.agentId(), userId, caller.name(), body.title(), body.state(), clock.instant())))
        .map(saved -> Response.created(URI.create("/sessions/" + saved.id())).entity(saved).build());
  }

  @RolesAllowed(Roles.OPERATOR)
  @PUT
  @Path("/{id}")
  public Uni<Session> update(@PathParam("id") String id, @NotNull @Valid SessionRequest body, @Context SecurityContext who) {
    if (body.version() == null) {
      throw new DomainException.Invalid("version is required to update (the version you last read)");
    }
    Caller caller = Callers.of(who);
    UUID sessionId = Paging.id(id);
    return revise.run(sessionId, current -> {
      if (!current.visibleTo(caller)) {
        throw SessionAccess.notFound(sessionId);
      }
      return current.revise(body.title(), body.state(), body.version(), clock.instant());
    });
  }

  @RolesAllowed(Roles.OPERATOR)
  @DELETE
  @Path("/{id}")
  public Uni<Response> delete(@PathParam("id") String id, @Context SecurityContext who) {
    UUID sessionId = Paging.id(id);
    // the owner never changes, so a check before the delete stays true
    return access.require(sessionId, Callers.of(who)).chain(mine -> delete.run(sessionId)).map(x -> Response.noContent().build());
  }

  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Path("/{id}/messages")
  public Uni<Response> append(@PathParam("id") String id, @NotNull @Valid MessageRequest body, @Context SecurityContext who) {
    return conversation.append(Paging.id(id), Callers.of(who), body.role(), body.content()).map(m -> Response.status(201).entity(m).build());
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{id}/messages")
  public Uni<PageView<SessionMessage>> messages(@PathParam("id") String id, @QueryParam("offset") String offset,
      @QueryParam("limit") String limit, @Context SecurityContext who) {
    var query = Paging.query(Map.of(), null, null, offset, limit);
    return conversation.list(Paging.id(id), Callers.of(who), query.offset(), query.limit()).map(page -> PageView.of(page, m -> m));
  }
}
