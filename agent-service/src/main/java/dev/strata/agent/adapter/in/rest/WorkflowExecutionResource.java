package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.adapter.in.rest.ExecutionView.StartRequest;
import dev.strata.agent.adapter.in.rest.access.AdminAudit;
import dev.strata.agent.application.StartExecution;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /workflows/{id}/executions}: start an execution, idempotent on the {@code Idempotency-Key} header. */
@Path("/workflows/{id}/executions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "executions")
public class WorkflowExecutionResource {

  private final StartExecution start;
  private final AdminAudit audit;

  WorkflowExecutionResource(StartExecution start, AdminAudit audit) {
    this.start = start;
    this.audit = audit;
  }

  /** 202 with the new execution; 200 with the existing one when the key was used before. */
  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Operation(summary = "Start an execution of a workflow with the body's input",
      description = "Idempotent on the required `Idempotency-Key` header: 202 with the new execution, or 200 with the one an earlier "
          + "request with the same key started; Location names it either way. The body (`{\"input\": {...}}`) may be left out.")
  public Uni<Response> start(@Parameter(description = "the workflow's id (a UUID)") @PathParam("id") String workflowId,
      @Parameter(description = "required, 1..200 characters: a key used before returns the execution it started instead of starting another", required = true)
      @HeaderParam("Idempotency-Key") String key, StartRequest body,
      @Context SecurityContext who) {
    Map<String, Object> input = body == null || body.input() == null ? Map.of() : body.input();
    return start.run(Paging.id(workflowId), ExecutionResource.key(key), input)
        // who started it; the same key again starts nothing and is not a start
        .invoke(started -> {
          if (started.created()) {
            audit.record(who, "start-execution", "/executions/" + started.execution().id(), Map.of("workflowId", workflowId));
          }
        })
        .map(ExecutionResource::answer);
  }
}
