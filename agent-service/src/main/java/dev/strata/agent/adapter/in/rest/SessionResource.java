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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
  @Operation(summary = "List the caller's sessions (administrators and services: everyone's), a page at a time")
  public Uni<PageView<Session>> list(
      @Parameter(description = "only sessions of this agent (a UUID)") @QueryParam("agentId") String agentId,
      @Parameter(description = "only sessions of this user (a UUID)") @QueryParam("userId") String userId,
      @Parameter(description = "case-insensitive search in the title (part of it, at most 100 characters)") @QueryParam("q") String q,
      @Parameter(description = "order by title, createdAt (default) or updatedAt; a leading - sorts descending") @QueryParam("sort") String sort,
      @Parameter(description = "how many items to skip (default 0)") @QueryParam("offset") String offset,
      @Parameter(description = "page size, at least 1 (default 50; above 200 is taken as 200)") @QueryParam("limit") String limit,
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
  @Operation(summary = "Get one of the caller's sessions; someone else's answers 404, as a missing one does")
  public Uni<Session> get(@Parameter(description = "the session's id (a UUID)") @PathParam("id") String id, @Context SecurityContext who) {
    return access.require(Paging.id(id), Callers.of(who));
  }

  /** A missing agent or user is a 409 (the reference does not hold). */
  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Operation(summary = "Create a session of an agent, owned by the caller; Location names it",
      description = "The owner and `userId` come from the token, never from the body (a `userId` there is a 400). A missing agent is a 409.")
  public Uni<Response> create(@NotNull @Valid SessionRequest body, @Context SecurityContext who) {
    Caller caller = Callers.of(who);
    return access.userIdOf(caller)
        .chain(userId -> create.run(Session.create(body.agentId(), userId, caller.name(), body.title(), body.state(), clock.instant())))
        .map(saved -> Response.created(URI.create("/sessions/" + saved.id())).entity(saved).build());
  }

  @RolesAllowed(Roles.OPERATOR)
  @PUT
  @Path("/{id}")
  @Operation(summary = "Change a session's title and state, sending the version you last read",
      description = "The agent and the owner never change. Optimistic concurrency: `version` is required (without it 422) and must be the "
          + "session's current one (a stale one is a 409). Someone else's session answers 404.")
  public Uni<Session> update(@Parameter(description = "the session's id (a UUID)") @PathParam("id") String id, @NotNull @Valid SessionRequest body,
      @Context SecurityContext who) {
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
  @Operation(summary = "Delete one of the caller's sessions, with its messages and attachments")
  public Uni<Response> delete(@Parameter(description = "the session's id (a UUID)") @PathParam("id") String id, @Context SecurityContext who) {
    UUID sessionId = Paging.id(id);
    // the owner never changes, so a check before the delete stays true
    return access.require(sessionId, Callers.of(who)).chain(mine -> delete.run(sessionId)).map(x -> Response.noContent().build());
  }

  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Path("/{id}/messages")
  @Operation(summary = "Add a message to one of the caller's sessions",
      description = "Every client may write role `user`; a `service` token also `assistant`; `system` and `tool` are refused (422).")
  public Uni<Response> append(@Parameter(description = "the session's id (a UUID)") @PathParam("id") String id, @NotNull @Valid MessageRequest body,
      @Context SecurityContext who) {
    return conversation.append(Paging.id(id), Callers.of(who), body.role(), body.content()).map(m -> Response.status(201).entity(m).build());
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{id}/messages")
  @Operation(summary = "List the messages of one of the caller's sessions, oldest first, a page at a time")
  public Uni<PageView<SessionMessage>> messages(@Parameter(description = "the session's id (a UUID)") @PathParam("id") String id,
      @Parameter(description = "how many items to skip (default 0)") @QueryParam("offset") String offset,
      @Parameter(description = "page size, at least 1 (default 50; above 200 is taken as 200)") @QueryParam("limit") String limit,
      @Context SecurityContext who) {
    var query = Paging.query(Map.of(), null, null, offset, limit);
    return conversation.list(Paging.id(id), Callers.of(who), query.offset(), query.limit()).map(page -> PageView.of(page, m -> m));
  }
}
