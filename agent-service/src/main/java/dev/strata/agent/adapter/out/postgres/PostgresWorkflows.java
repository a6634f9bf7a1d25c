package dev.strata.agent.adapter.out.postgres;

import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.json;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.of;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.time;

import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.agent.domain.workflow.WorkflowDefinition;
import dev.strata.agent.domain.workflow.Workflows;
import io.vertx.sqlclient.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link Workflows} on {@code agent.workflows}; the definition is JSONB {@code {steps: [{id, kind, params}]}}. */
public class PostgresWorkflows extends PostgresRepository<Workflow> implements Workflows {

  public PostgresWorkflows() {
    super("agent.workflows", "workflow",
        List.of(of("name", Workflow::name), of("description", Workflow::description), of("agent_id", Workflow::agentId),
            json("definition", w -> Map.of("steps", w.definition().steps().stream().map(PostgresWorkflows::row).toList())),
            time("created_at", Workflow::createdAt), time("updated_at", Workflow::updatedAt)),
        Map.of("agentId", new Filter("agent_id", UUID::fromString)),
        Map.of("name", "name", "createdAt", "created_at", "updatedAt", "updated_at"),
        "name");
  }

  private static Map<String, Object> row(Step step) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", step.id());
    row.put("kind", step.kind().wireName());
    row.put("params", step.params());
    return row;
  }

  /** The steps of a {@code definition} column. */
  @SuppressWarnings("unchecked")
  static List<Step> steps(String definition) {
    return ((List<Map<String, Object>>) Sql.object(definition).get("steps")).stream()
        .map(s -> new Step((String) s.get("id"), StepKind.of((String) s.get("kind")), (Map<String, Object>) s.get("params")))
        .toList();
  }

  @Override
  protected Workflow toDomain(Row row) {
    return new Workflow(row.getUUID("id"), row.getString("name"), row.getString("description"), row.getUUID("agent_id"),
        new WorkflowDefinition(steps(row.getString("definition"))), row.getLong("version"), Sql.instant(row, "created_at"),
        Sql.instant(row, "updated_at"));
  }

  @Override
  protected UUID idOf(Workflow w) {
    return w.id();
  }

  @Override
  protected long versionOf(Workflow w) {
    return w.version();
  }
}
