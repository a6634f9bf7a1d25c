package dev.strata.agent.application;

import dev.strata.agent.domain.schedule.Schedule;
import dev.strata.agent.domain.schedule.Schedules;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.Query;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The schedules of one workflow: create, list, read, revise, delete. Each names its workflow, and a schedule of
 * another workflow is as missing as none.
 */
public final class ManageSchedules {

  private final Schedules schedules;
  private final Workflows workflows;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public ManageSchedules(Schedules schedules, Workflows workflows, UnitOfWork unitOfWork, Clock clock) {
    this.schedules = schedules;
    this.workflows = workflows;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  public Uni<Schedule> create(UUID workflowId, Schedule.Settings settings) {
    return Async.uni(() -> unitOfWork.write(() -> workflow(workflowId)
        .thenCompose(found -> schedules.create(Schedule.create(workflowId, settings, clock.instant())))));
  }

  /** Oldest first. */
  public Uni<Page<Schedule>> list(UUID workflowId, int offset, int limit) {
    Query query = new Query(Map.of("workflowId", workflowId.toString()), null, null, false, offset, limit);
    return Async.uni(() -> unitOfWork.read(() -> workflow(workflowId).thenCompose(found -> schedules.list(query))));
  }

  public Uni<Schedule> get(UUID workflowId, UUID id) {
    return Async.uni(() -> unitOfWork.read(() -> schedule(workflowId, id)));
  }

  /** At the version the client read (a stale one is a conflict). */
  public Uni<Schedule> revise(UUID workflowId, UUID id, Schedule.Settings settings, long version) {
    return Async.uni(() -> unitOfWork.write(() -> schedule(workflowId, id)
        .thenCompose(current -> schedules.update(current.revise(settings, version, clock.instant())))));
  }

  public Uni<Void> delete(UUID workflowId, UUID id) {
    return Async.uni(() -> unitOfWork.write(() -> schedule(workflowId, id).thenCompose(found -> schedules.delete(id))));
  }

  private CompletionStage<Object> workflow(UUID workflowId) {
    return workflows.get(workflowId).thenApply(found -> found
        .orElseThrow(() -> new DomainException.NotFound("workflow " + workflowId + " not found")));
  }

  private CompletionStage<Schedule> schedule(UUID workflowId, UUID id) {
    return schedules.get(id).thenApply(found -> found.filter(s -> s.workflowId().equals(workflowId))
        .orElseThrow(() -> new DomainException.NotFound("schedule " + id + " of workflow " + workflowId + " not found")));
  }
}
