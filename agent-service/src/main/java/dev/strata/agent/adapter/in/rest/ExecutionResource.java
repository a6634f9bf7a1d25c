package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.adapter.in.rest.ExecutionView.CheckpointView;
import dev.strata.agent.adapter.in.rest.ExecutionView.StartRequest;
import dev.strata.agent.adapter.in.rest.access.AdminAudit;
import dev.strata.agent.application.GetResource;
import dev.strata.agent.application.ListResources;
import dev.strata.agent.application.ReadCheckpoints;
import dev.strata.agent.application.ReviseResource;
import dev.strata.agent.application.StartExecution;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Starting, reading, cancelling and forking executions; their checkpoints. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "executions")
public class ExecutionResource {

  private static final int MAX_KEY = 200;

  private final StartExecution start;
  private final GetResource<Execution> get;
  private final ListResources<Execution> list;
  private final ReviseResource<Execution> revise;
  private final ReadCheckpoints checkpoints;
  private final AdminAudit audit;
  private final Clock clock;

  ExecutionResource(StartExecution start, GetResource<Execution> get, ListResources<Execution> list,
      ReviseResource<Execution> revise, ReadCheckpoints checkpoints, AdminAudit audit, Clock clock) {
    this.start = start;
    this.audit = audit;
    this.get = get;
    this.list = list;
    this.revise = revise;
    this.checkpoints = checkpoints;
    this.clock = clock;
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/executions")
  public Uni<PageView<ExecutionView>> list(@QueryParam("workflowId") String workflowId, @QueryParam("status") String status,
      @QueryParam("sort") String sort, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    var filters = new HashMap<String, String>();
    filters.put("workflowId", workflowId == null ? null : Paging.id(workflowId).toString());
    filters.put("status", status);
    return list.run(Paging.query(filters, null, sort, offset, limit)).map(page -> PageView.of(page, ExecutionView::of));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/executions/{id}")
  public Uni<ExecutionView> get(@PathParam("id") String id) {
    return get.run(Paging.id(id)).map(ExecutionView::of);
  }

  /** Stops the execution before its next step; 409 when it already ended. */
  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Path("/executions/{id}/cancel")
  public Uni<ExecutionView> cancel(@PathParam("id") String id) {
    return revise.run(Paging.id(id), execution -> execution.cancel(clock.instant())).map(ExecutionView::of);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/executions/{id}/checkpoints")
  public Uni<List<CheckpointView>> checkpoints(@PathParam("id") String id) {
    return checkpoints.of(Paging.id(id)).map(all -> all.stream().map(CheckpointView::of).toList());
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/executions/{id}/checkpoints/{checkpointId}")
  public Uni<CheckpointView> checkpoint(@PathParam("id") String id, @PathParam("checkpointId") String checkpointId) {
    return checkpoints.one(Paging.id(id), Paging.id(checkpointId)).map(CheckpointView::of);
  }

  /** A new execution that continues after this checkpoint (its parent). */
  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Path("/executions/{id}/checkpoints/{checkpointId}/fork")
  public Uni<Response> fork(@PathParam("id") String id, @PathParam("checkpointId") String checkpointId,
      @HeaderParam("Idempotency-Key") String key, @Context SecurityContext who) {
    return checkpoints.one(Paging.id(id), Paging.id(checkpointId))
        .chain(cp -> start.fork(cp.id(), key(key)))
        .invoke(started -> {
          if (started.created()) {
            audit.record(who, "start-execution", "/executions/" + started.execution().id(), Map.of("forkedFrom", checkpointId));
          }
        })
        .map(ExecutionResource::answer);
  }

  static Response answer(StartExecution.Started started) {
    var view = ExecutionView.of(started.execution());
    return started.created()
        ? Response.accepted(view).location(URI.create("/executions/" + view.id())).build()
        : Response.ok(view).location(URI.create("/executions/" + view.id())).build();
  }

  static String key(String key) {
    if (key == null || key.isBlank() || key.length() > MAX_KEY) {
      throw new BadRequestException("an Idempotency-Key header of 1.." + MAX_KEY + " characters is required");
    }
    return key;
  }
}
