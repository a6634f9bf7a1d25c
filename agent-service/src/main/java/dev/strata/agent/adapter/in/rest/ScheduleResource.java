package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.adapter.in.rest.access.AdminAudit;
import dev.strata.agent.application.ManageSchedules;
import dev.strata.agent.domain.schedule.Schedule;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cron schedules of a workflow: each tick starts one execution with the schedule's input (README "Schedules"). */
@Path("/workflows/{id}/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "schedules")
public class ScheduleResource {

  private final ManageSchedules schedules;
  private final AdminAudit audit;
  private final Clock clock;

  ScheduleResource(ManageSchedules schedules, AdminAudit audit, Clock clock) {
    this.schedules = schedules;
    this.audit = audit;
    this.clock = clock;
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Operation(summary = "List a workflow's schedules, oldest first, a page at a time")
  public Uni<PageView<ScheduleView>> list(@Parameter(description = "the workflow's id (a UUID)") @PathParam("id") String workflowId,
      @Parameter(description = "how many items to skip (default 0)") @QueryParam("offset") String offset,
      @Parameter(description = "page size, at least 1 (default 50; above 200 is taken as 200)") @QueryParam("limit") String limit) {
    var query = Paging.query(Map.of(), null, null, offset, limit);
    return schedules.list(Paging.id(workflowId), query.offset(), query.limit()).map(page -> PageView.of(page, ScheduleView::of));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{scheduleId}")
  @Operation(summary = "Get one schedule of a workflow, with its next tick")
  public Uni<ScheduleView> get(@Parameter(description = "the workflow's id (a UUID)") @PathParam("id") String workflowId,
      @Parameter(description = "the schedule's id (a UUID)") @PathParam("scheduleId") String id) {
    return schedules.get(Paging.id(workflowId), Paging.id(id)).map(ScheduleView::of);
  }

  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Operation(summary = "Schedule a workflow: a Unix cron expression in an IANA time zone, the input, the missed-tick policy",
      description = "422 for a cron expression that is not five Unix fields or never ticks, a time zone that is not an IANA name, a "
          + "missedTicks other than `skip` or `run-once`; 404 for an unknown workflow.")
  public Uni<Response> create(@Parameter(description = "the workflow's id (a UUID)") @PathParam("id") String workflowId,
      @NotNull @Valid ScheduleRequest body, @Context SecurityContext who) {
    var workflow = Paging.id(workflowId);
    return schedules.create(workflow, body.settings(clock.instant())).invoke(saved -> audited(who, "create-schedule", saved))
        .map(saved -> Response.created(URI.create(path(saved))).entity(ScheduleView.of(saved)).build());
  }

  @RolesAllowed(Roles.OPERATOR)
  @PUT
  @Path("/{scheduleId}")
  @Operation(summary = "Replace a schedule's settings, sending the version you last read; validated as on create",
      description = "A new cron or time zone, or enabling a disabled schedule, ticks next after now; otherwise the next tick stays. "
          + "`version` is required (without it 422) and must be the current one (stale: 409).")
  public Uni<ScheduleView> update(@Parameter(description = "the workflow's id (a UUID)") @PathParam("id") String workflowId,
      @Parameter(description = "the schedule's id (a UUID)") @PathParam("scheduleId") String id, @NotNull @Valid ScheduleRequest body,
      @Context SecurityContext who) {
    if (body.version() == null) {
      throw new DomainException.Invalid("version is required to update (the version you last read)");
    }
    return schedules.revise(Paging.id(workflowId), Paging.id(id), body.settings(clock.instant()), body.version())
        .invoke(saved -> audited(who, "update-schedule", saved)).map(ScheduleView::of);
  }

  @RolesAllowed(Roles.OPERATOR)
  @DELETE
  @Path("/{scheduleId}")
  @Operation(summary = "Delete a schedule of a workflow; executions it started stay")
  public Uni<Response> delete(@Parameter(description = "the workflow's id (a UUID)") @PathParam("id") String workflowId,
      @Parameter(description = "the schedule's id (a UUID)") @PathParam("scheduleId") String id, @Context SecurityContext who) {
    var workflow = Paging.id(workflowId);
    var schedule = Paging.id(id);
    return schedules.delete(workflow, schedule)
        .invoke(x -> audit.record(who, "delete-schedule", "/workflows/" + workflow + "/schedules/" + schedule, Map.of()))
        .map(x -> Response.noContent().build());
  }

  private void audited(SecurityContext who, String action, Schedule saved) {
    var settings = saved.settings();
    audit.record(who, action, path(saved), Map.of("cron", settings.cron().text(), "timeZone", settings.zone().getId(),
        "missedTicks", settings.missedTicks().wireName(), "enabled", String.valueOf(settings.enabled()),
        "version", String.valueOf(saved.version())));
  }

  private static String path(Schedule s) {
    return "/workflows/" + s.workflowId() + "/schedules/" + s.id();
  }
}
