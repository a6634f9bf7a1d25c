package dev.strata.agent.application;

import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.WorkflowVersion;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** A workflow's stored versions: what each of its executions runs. */
public final class ReadWorkflowVersions {

  private final Workflows workflows;
  private final UnitOfWork unitOfWork;

  public ReadWorkflowVersions(Workflows workflows, UnitOfWork unitOfWork) {
    this.workflows = workflows;
    this.unitOfWork = unitOfWork;
  }

  /** Newest first; 404 when the workflow does not exist (its versions go with it). */
  public Uni<Page<WorkflowVersion>> list(UUID workflowId, int offset, int limit) {
    return Async.<Page<WorkflowVersion>>uni(() -> unitOfWork.read(() -> workflows.versions(workflowId, offset, limit)))
        .invoke(page -> {
          if (page.total() == 0) {
            throw new DomainException.NotFound("workflow " + workflowId + " not found");
          }
        });
  }

  public Uni<WorkflowVersion> get(UUID workflowId, long version) {
    return Async.uni(() -> unitOfWork.read(() -> workflows.version(workflowId, version).thenApply(found -> found.orElseThrow(
        () -> new DomainException.NotFound("workflow " + workflowId + " has no version " + version)))));
  }
}
