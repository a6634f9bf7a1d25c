package dev.strata.agent.domain.workflow;

import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.Repository;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The workflows we keep; filterable on {@code agentId}. Every stored version's definition is kept (a create
 * stores version 0, each update the next), for the executions that run it.
 */
public interface Workflows extends Repository<Workflow> {

  CompletionStage<Optional<WorkflowVersion>> version(UUID workflowId, long version);

  /** The workflow's versions, newest first. */
  CompletionStage<Page<WorkflowVersion>> versions(UUID workflowId, int offset, int limit);
}
