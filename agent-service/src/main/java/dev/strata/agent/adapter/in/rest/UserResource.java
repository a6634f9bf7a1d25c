package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.adapter.in.rest.access.AdminAudit;
import dev.strata.agent.application.GetResource;
import dev.strata.agent.application.ListResources;
import dev.strata.agent.application.access.ManageUsers;
import dev.strata.agent.domain.user.User;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CRUD for users (admin only). A user with a username and password may sign in at
 * {@code POST /auth/token}; the password is stored as a bcrypt hash and never returned. Changing a
 * user's roles, username or password, or deleting the user, revokes the tokens they hold.
 */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UserResource {

  /** Body of POST and PUT; {@code version} is required on PUT. */
  public record UserRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String name,
      @NotBlank String role, @Size(max = 64) String username, @Size(min = 8, max = 256) String password,
      @Size(max = 4) Set<String> roles, @PositiveOrZero Long version) {
    // the password must never reach a log line
    @Override
    public String toString() {
      return "UserRequest[" + email + ", " + username + "]";
    }

    ManageUsers.UserDetails details() {
      return new ManageUsers.UserDetails(email, name, role, username, roles == null || roles.isEmpty() ? Set.of(Roles.READER) : roles,
          password);
    }
  }

  /** A user as the API shows it: never the password hash. */
  public record UserView(UUID id, String email, String name, String role, String username, Set<String> roles, long version,
      Instant createdAt, Instant updatedAt) {
    static UserView of(User u) {
      return new UserView(u.id(), u.email(), u.name(), u.role(), u.username(), u.roles(), u.version(), u.createdAt(), u.updatedAt());
    }
  }

  private final GetResource<User> get;
  private final ListResources<User> list;
  private final ManageUsers users;

  UserResource(GetResource<User> get, ListResources<User> list, ManageUsers users) {
    this.get = get;
    this.list = list;
    this.users = users;
  }

  @RolesAllowed(Roles.ADMIN)
  @GET
  @Operation(summary = "List users (admin), a page at a time, filtered by member role, searched by name and sorted")
  public Uni<PageView<UserView>> list(
      @Parameter(description = "only users with this member role: admin, member or viewer (not a security role)") @QueryParam("role") String role,
      @Parameter(description = "case-insensitive search in the name (part of it, at most 100 characters)") @QueryParam("q") String q,
      @Parameter(description = "order by name, email, createdAt (default) or updatedAt; a leading - sorts descending") @QueryParam("sort") String sort,
      @Parameter(description = "how many items to skip (default 0)") @QueryParam("offset") String offset,
      @Parameter(description = "page size, at least 1 (default 50; above 200 is taken as 200)") @QueryParam("limit") String limit) {
    var filters = new HashMap<String, String>();
    filters.put("role", role);
    return list.run(Paging.query(filters, q, sort, offset, limit)).map(page -> PageView.of(page, UserView::of));
  }

  @RolesAllowed(Roles.ADMIN)
  @GET
  @Path("/{id}")
  @Operation(summary = "Get one user (admin); never the password")
  public Uni<UserView> get(@Parameter(description = "the user's id (a UUID)") @PathParam("id") String id) {
    return get.run(Paging.id(id)).map(UserView::of);
  }

  @RolesAllowed(Roles.ADMIN)
  @POST
  @Operation(summary = "Create a user (admin); the password is stored hashed",
      description = "With a username and a password the user may sign in at POST /auth/token. Security `roles` default to reader. "
          + "A duplicate e-mail is a 409.")
  public Uni<Response> create(@NotNull @Valid UserRequest body, @Context SecurityContext who) {
    return users.create(AdminAudit.actor(who), body.details())
        .map(saved -> Response.created(URI.create("/users/" + saved.id())).entity(UserView.of(saved)).build());
  }

  @RolesAllowed(Roles.ADMIN)
  @PUT
  @Path("/{id}")
  @Operation(summary = "Replace a user's details (admin), sending the version you last read",
      description = "Optimistic concurrency: `version` is required (without it 422) and must be the user's current one (a stale one is a 409). "
          + "Changing the roles, username or password revokes the tokens the user holds.")
  public Uni<UserView> update(@Parameter(description = "the user's id (a UUID)") @PathParam("id") String id, @NotNull @Valid UserRequest body,
      @Context SecurityContext who) {
    if (body.version() == null) {
      throw new DomainException.Invalid("version is required to update (the version you last read)");
    }
    return users.revise(AdminAudit.actor(who), Paging.id(id), body.details(), body.version()).map(UserView::of);
  }

  @RolesAllowed(Roles.ADMIN)
  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a user (admin); the tokens they hold are revoked")
  public Uni<Response> delete(@Parameter(description = "the user's id (a UUID)") @PathParam("id") String id, @Context SecurityContext who) {
    return users.delete(AdminAudit.actor(who), Paging.id(id)).map(x -> Response.noContent().build());
  }
}
