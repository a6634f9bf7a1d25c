package dev.strata.agent.domain.workflow;

import dev.strata.agent.domain.shared.Repository;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** The workflows we keep; filterable on {@code agentId}. */
public interface Workflows extends Repository<Workflow>, WorkflowLookup {

  // declared once more so that a call through this type is not ambiguous between the two parents
  @Override
  CompletionStage<Optional<Workflow>> get(UUID id);
}
