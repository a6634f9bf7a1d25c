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
import dev.strata.agent.domain.schedule.Schedule;
import dev.strata.kernel.error.DomainException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
  @Operation(summary = "List executions, a page at a time, filtered by workflow and status")
  public Uni<PageView<ExecutionView>> list(
      @Parameter(description = "only executions of this workflow (a UUID)") @QueryParam("workflowId") String workflowId,
      @Parameter(description = "only executions in this state: PENDING, RUNNING, SUCCEEDED, FAILED or CANCELLED") @QueryParam("status") String status,
      @Parameter(description = "order by createdAt (default), updatedAt or status; a leading - sorts descending") @QueryParam("sort") String sort,
      @Parameter(description = "how many items to skip (default 0)") @QueryParam("offset") String offset,
      @Parameter(description = "page size, at least 1 (default 50; above 200 is taken as 200)") @QueryParam("limit") String limit) {
    var filters = new HashMap<String, String>();
    filters.put("workflowId", workflowId == null ? null : Paging.id(workflowId).toString());
    filters.put("status", status);
    return list.run(Paging.query(filters, null, sort, offset, limit)).map(page -> PageView.of(page, ExecutionView::of));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/executions/{id}")
  @Operation(summary = "Get one execution: its state, input, output or error, and the next step it runs")
  public Uni<ExecutionView> get(@Parameter(description = "the execution's id (a UUID)") @PathParam("id") String id) {
    return get.run(Paging.id(id)).map(ExecutionView::of);
  }

  /** Stops the execution before its next step; 409 when it already ended. */
  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Path("/executions/{id}/cancel")
  @Operation(summary = "Cancel an execution: it stops before its next step; 409 when it already ended")
  public Uni<ExecutionView> cancel(@Parameter(description = "the execution's id (a UUID)") @PathParam("id") String id) {
    return revise.run(Paging.id(id), execution -> execution.cancel(clock.instant())).map(ExecutionView::of);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/executions/{id}/checkpoints")
  @Operation(summary = "List an execution's checkpoints (one per completed step) in step order")
  public Uni<List<CheckpointView>> checkpoints(@Parameter(description = "the execution's id (a UUID)") @PathParam("id") String id) {
    return checkpoints.of(Paging.id(id)).map(all -> all.stream().map(CheckpointView::of).toList());
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/executions/{id}/checkpoints/{checkpointId}")
  @Operation(summary = "Get one checkpoint of an execution: the step's input and the outputs so far")
  public Uni<CheckpointView> checkpoint(@Parameter(description = "the execution's id (a UUID)") @PathParam("id") String id,
      @Parameter(description = "the id (a UUID) of one of this execution's checkpoints") @PathParam("checkpointId") String checkpointId) {
    return checkpoints.one(Paging.id(id), Paging.id(checkpointId)).map(CheckpointView::of);
  }

  /** A new execution that continues after this checkpoint (its parent). */
  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Path("/executions/{id}/checkpoints/{checkpointId}/fork")
  @Operation(summary = "Fork an execution at a checkpoint: start a new execution that continues after it",
      description = "Idempotent on the required `Idempotency-Key` header: 202 with the new execution, or 200 with the one an earlier "
          + "request with the same key started; Location names it either way.")
  public Uni<Response> fork(@Parameter(description = "the execution's id (a UUID)") @PathParam("id") String id,
      @Parameter(description = "the id (a UUID) of one of this execution's checkpoints") @PathParam("checkpointId") String checkpointId,
      @Parameter(description = "required, 1..200 characters: a key used before returns the execution it started instead of starting another", required = true)
      @HeaderParam("Idempotency-Key") String key,
      @Context SecurityContext who) {
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
    // a client's key that looked like a schedule's could take a tick's place and keep it from running
    if (key.startsWith(Schedule.KEY_PREFIX)) {
      throw new DomainException.Invalid("Idempotency-Key must not start with '"
          + Schedule.KEY_PREFIX + "' (the keys of scheduled starts)");
    }
    return key;
  }
}
