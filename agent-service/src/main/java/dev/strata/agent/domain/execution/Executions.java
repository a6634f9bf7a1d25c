package dev.strata.agent.domain.execution;

import dev.strata.agent.domain.shared.Repository;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Executions; filterable on {@code workflowId} and {@code status}. */
public interface Executions extends Repository<Execution>, ExecutionRecords {

  // declared once more so that a call through this type is not ambiguous between the two parents
  @Override
  CompletionStage<Optional<Execution>> get(UUID id);

  @Override
  CompletionStage<Execution> create(Execution execution);

  @Override
  CompletionStage<Execution> update(Execution execution);
}
