package dev.strata.agent.adapter.out.sqlclient;

import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.agent.domain.workflow.WorkflowDefinition;
import dev.strata.agent.domain.workflow.WorkflowLookup;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@link WorkflowLookup} for the execution hot path, which only reads a workflow by id; the workflow API
 * (create, revise, list, delete) stays with the Hibernate adapter ({@code PostgresWorkflows}), whose
 * definition shape {@code {steps: [{id, kind, params}]}} this reads.
 */
public class SqlWorkflows implements WorkflowLookup {

  private static final String BY_ID = """
      SELECT id, name, description, agent_id, definition::text AS definition, version, created_at, updated_at
      FROM agent.workflows WHERE id = $1""";

  @Override
  public CompletionStage<Optional<Workflow>> get(UUID id) {
    return Sql.one(BY_ID, Tuple.of(id), SqlWorkflows::toDomain);
  }

  private static Workflow toDomain(Row row) {
    return new Workflow(row.getUUID("id"), row.getString("name"), row.getString("description"), row.getUUID("agent_id"),
        new WorkflowDefinition(steps(row.getString("definition"))), row.getLong("version"), Sql.instant(row, "created_at"),
        Sql.instant(row, "updated_at"));
  }

  /** The steps of a {@code definition} column. */
  @SuppressWarnings("unchecked")
  static List<Step> steps(String definition) {
    return ((List<Map<String, Object>>) Sql.object(definition).get("steps")).stream()
        .map(s -> new Step((String) s.get("id"), StepKind.of((String) s.get("kind")), (Map<String, Object>) s.get("params")))
        .toList();
  }

}
