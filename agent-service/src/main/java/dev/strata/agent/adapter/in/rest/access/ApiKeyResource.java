package dev.strata.agent.adapter.in.rest.access;

import dev.strata.agent.application.GetResource;
import dev.strata.agent.application.access.AccessChanges;
import dev.strata.agent.application.access.IssueApiKey;
import dev.strata.agent.domain.access.ApiKey;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API keys for machines (admin only): the clear key is in the create answer and nowhere else. */
@Path("/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "api-keys")
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource {

  /** Body of POST. */
  public record ApiKeyRequest(@NotBlank @Size(max = 100) String name, @NotEmpty @Size(max = 4) Set<String> roles) {}

  /** A stored key without its digest; {@code key} is set only in the answer to its creation. */
  public record ApiKeyView(UUID id, String name, Set<String> roles, Instant createdAt, Instant revokedAt, String key) {
    static ApiKeyView of(ApiKey k, String key) {
      return new ApiKeyView(k.id(), k.name(), k.roles(), k.createdAt(), k.revokedAt(), key);
    }
  }

  private final IssueApiKey issue;
  private final GetResource<ApiKey> get;
  private final AccessChanges changes;
  private final AdminAudit audit;

  ApiKeyResource(IssueApiKey issue, GetResource<ApiKey> get, AccessChanges changes, AdminAudit audit) {
    this.issue = issue;
    this.get = get;
    this.changes = changes;
    this.audit = audit;
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create an API key (admin); the clear key is in this answer and nowhere else")
  public Uni<Response> create(@NotNull @Valid ApiKeyRequest body, @Context SecurityContext who) {
    return issue.run(body.name(), body.roles()).map(issued -> {
      audit.record(who, "create-api-key", "api-key " + issued.apiKey().id(), Map.of("name", issued.apiKey().name()));
      return Response.created(URI.create("/api-keys/" + issued.apiKey().id())).entity(ApiKeyView.of(issued.apiKey(), issued.key())).build();
    });
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Get an API key's record (admin): name, roles, when created and revoked; never the key")
  public Uni<ApiKeyView> get(@Parameter(description = "the API key's id (a UUID), as its creation answered") @PathParam("id") String id) {
    return get.run(uuid(id)).map(k -> ApiKeyView.of(k, null));
  }

  /** Revokes the key (kept for the record) and the tokens it obtained: every service refuses them within seconds. */
  @DELETE
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Revoke an API key (admin), kept for the record, and the tokens obtained with it")
  public Uni<Response> revoke(@Parameter(description = "the API key's id (a UUID), as its creation answered") @PathParam("id") String id,
      @Context SecurityContext who) {
    return changes.revokeApiKey(uuid(id)).map(revoked -> {
      audit.record(who, "revoke-api-key", "api-key " + revoked.id(), Map.of("name", revoked.name()));
      return Response.noContent().build();
    });
  }

  private static UUID uuid(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("not a UUID");
    }
  }
}
