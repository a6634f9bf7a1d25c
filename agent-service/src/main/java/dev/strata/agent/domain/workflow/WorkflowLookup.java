package dev.strata.agent.domain.workflow;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Finds a workflow by id: all that starting and running an execution needs of {@link Workflows}. */
public interface WorkflowLookup {

  CompletionStage<Optional<Workflow>> get(UUID id);
}
