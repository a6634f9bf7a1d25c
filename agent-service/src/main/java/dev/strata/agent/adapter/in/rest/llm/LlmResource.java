package dev.strata.agent.adapter.in.rest.llm;

import dev.strata.agent.adapter.in.rest.access.AdminAudit;
import dev.strata.agent.application.llm.CompleteChat;
import dev.strata.agent.application.llm.InvalidateCache;
import dev.strata.agent.application.llm.LlmUnavailable;
import dev.strata.agent.application.llm.ReadCacheStats;
import dev.strata.agent.domain.llm.LlmStatus;
import dev.strata.kernel.error.ProblemType;
import dev.strata.kernel.security.Roles;
import dev.strata.support.problem.ProblemResponses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The LLM gateway over HTTP: cached completions, cache eviction and statistics, and its status. */
@Path("/llm")
@Produces(MediaType.APPLICATION_JSON)
public class LlmResource {

  private final CompleteChat completeChat;
  private final InvalidateCache invalidateCache;
  private final ReadCacheStats readCacheStats;
  private final AdminAudit audit;

  public LlmResource(CompleteChat completeChat, InvalidateCache invalidateCache, ReadCacheStats readCacheStats, AdminAudit audit) {
    this.completeChat = completeChat;
    this.invalidateCache = invalidateCache;
    this.readCacheStats = readCacheStats;
    this.audit = audit;
  }

  /** A chat completion; {@code X-Cache} and {@code cache} say whether it came from the cache. */
  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Path("/completions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Complete a chat through the LLM gateway, from its cache when it can",
      description = "Only `messages` is required. An answer is cached when `temperature` is 0 or `cache` is true (`cache: false` always "
          + "bypasses); `ttlSeconds` overrides the entry's lifetime. The `X-Cache` header and the `cache` field say HIT, MISS, SHARED, "
          + "BYPASS or DEGRADED (cache out of reach); `cacheKey` is the key to evict the answer with. 503 when no provider is "
          + "configured or it is unavailable.")
  public Uni<RestResponse<CompletionView>> complete(@Valid @NotNull CompletionBody body) {
    return completeChat.run(body.toRequest()).map(answer ->
        RestResponse.ResponseBuilder.ok(CompletionView.of(answer)).header("X-Cache", answer.outcome().name()).build());
  }

  /** Whether a provider is configured (without one, completions answer 503). */
  @RolesAllowed(Roles.READER)
  @GET
  @Path("/status")
  @Operation(summary = "Whether an LLM provider is configured (without one, completions answer 503), its default model and endpoint")
  public LlmStatus status() {
    return completeChat.status();
  }

  /** Evicts one answer by the key a completion returned; 404 when it is not cached. */
  @RolesAllowed(Roles.ADMIN)
  @DELETE
  @Path("/cache/{key: .+}")
  @Operation(summary = "Evict one cached answer (admin) by the cacheKey a completion returned; 404 when it is not cached")
  public Uni<Void> evict(@Parameter(description = "the cacheKey a completion returned, llm:<model>:<sha256>") @PathParam("key") String key,
      @Context SecurityContext who) {
    return invalidateCache.entry(key).invoke(() -> audit.record(who, "flush-cache", "llm-cache " + key, Map.of()));
  }

  /** Evicts every cached answer of one model. */
  @RolesAllowed(Roles.ADMIN)
  @DELETE
  @Path("/cache")
  @Operation(summary = "Evict every cached answer of one model (admin); answers how many went")
  public Uni<EvictionView> evictModel(
      @Parameter(description = "the model whose answers go (required; exactly this model, not others sharing its prefix)", required = true)
      @QueryParam("model") String model,
      @Context SecurityContext who) {
    if (model == null || model.isBlank()) {
      throw new BadRequestException("query parameter 'model' is required");
    }
    return invalidateCache.model(model).map(deleted -> {
      audit.record(who, "flush-cache", "llm-cache model " + model, Map.of("deleted", String.valueOf(deleted)));
      return new EvictionView(model, deleted);
    });
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/cache/stats")
  @Operation(summary = "The LLM cache's statistics: hits and misses of every replica, entries and bytes in the cache")
  public Uni<CacheStatsView> stats() {
    return readCacheStats.run().map(CacheStatsView::of);
  }

  @ServerExceptionMapper
  public Response unavailable(LlmUnavailable e) {
    return ProblemResponses.of(ProblemType.UNAVAILABLE, e.getMessage());
  }
}
