package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.application.CreateResource;
import dev.strata.agent.application.DeleteResource;
import dev.strata.agent.application.GetResource;
import dev.strata.agent.application.ListResources;
import dev.strata.agent.application.ReviseResource;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CRUD for users (no authentication yet: a later issue secures every service). */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UserResource {

  /** Body of POST and PUT; {@code version} is required on PUT. */
  public record UserRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String name,
      @NotBlank String role, @PositiveOrZero Long version) {}

  private final GetResource<User> get;
  private final ListResources<User> list;
  private final CreateResource<User> create;
  private final ReviseResource<User> revise;
  private final DeleteResource<User> delete;
  private final Clock clock;

  UserResource(GetResource<User> get, ListResources<User> list, CreateResource<User> create, ReviseResource<User> revise,
      DeleteResource<User> delete, Clock clock) {
    this.get = get;
    this.list = list;
    this.create = create;
    this.revise = revise;
    this.delete = delete;
    this.clock = clock;
  }

  @RolesAllowed(Roles.ADMIN)
  @GET
  public Uni<PageView<User>> list(@QueryParam("role") String role, @QueryParam("q") String q, @QueryParam("sort") String sort,
      @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    var filters = new HashMap<String, String>();
    filters.put("role", role);
    return list.run(Paging.query(filters, q, sort, offset, limit)).map(page -> PageView.of(page, u -> u));
  }

  @RolesAllowed(Roles.ADMIN)
  @GET
  @Path("/{id}")
  public Uni<User> get(@PathParam("id") String id) {
    return get.run(Paging.id(id));
  }

  @RolesAllowed(Roles.ADMIN)
  @POST
  public Uni<Response> create(@NotNull @Valid UserRequest body) {
    return create.run(User.create(body.email(), body.name(), body.role(), clock.instant()))
        .map(saved -> Response.created(URI.create("/users/" + saved.id())).entity(saved).build());
  }

  @RolesAllowed(Roles.ADMIN)
  @PUT
  @Path("/{id}")
  public Uni<User> update(@PathParam("id") String id, @NotNull @Valid UserRequest body) {
    if (body.version() == null) {
      throw new DomainException.Invalid("version is required to update (the version you last read)");
    }
    return revise.run(Paging.id(id), current -> current.revise(body.email(), body.name(), body.role(), body.version(), clock.instant()));
  }

  @RolesAllowed(Roles.ADMIN)
  @DELETE
  @Path("/{id}")
  public Uni<Response> delete(@PathParam("id") String id) {
    return delete.run(Paging.id(id)).map(x -> Response.noContent().build());
  }
}
