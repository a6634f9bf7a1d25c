package dev.strata.agent.adapter.out.postgres;

import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.json;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.of;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.time;

import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.agent.domain.workflow.WorkflowDefinition;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.workflow.WorkflowVersion;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link Workflows} on {@code agent.workflows}, each stored version's definition also in
 * {@code agent.workflow_versions}; a definition is JSONB {@code {steps: [{id, kind, params}]}}.
 */
public class PostgresWorkflows extends PostgresRepository<Workflow> implements Workflows {

  private static final String KEEP_VERSION = """
      INSERT INTO agent.workflow_versions (workflow_id, version, definition, created_at) VALUES ($1, $2, CAST($3::text AS jsonb), $4)""";
  private static final String VERSION_COLUMNS = "workflow_id, version, definition::text AS definition, created_at";

  public PostgresWorkflows() {
    super("agent.workflows", "workflow",
        List.of(of("name", Workflow::name), of("description", Workflow::description), of("agent_id", Workflow::agentId),
            json("definition", PostgresWorkflows::definition), time("created_at", Workflow::createdAt),
            time("updated_at", Workflow::updatedAt)),
        Map.of("agentId", new Filter("agent_id", UUID::fromString)),
        Map.of("name", "name", "createdAt", "created_at", "updatedAt", "updated_at"),
        "name");
  }

  @Override
  public CompletionStage<Workflow> create(Workflow workflow) {
    return super.create(workflow).thenCompose(this::keepVersion);
  }

  @Override
  public CompletionStage<List<Workflow>> createMany(List<Workflow> workflows) {
    return super.createMany(workflows).thenCompose(created -> created.isEmpty() ? CompletableFuture.completedFuture(created)
        : Sql.runBatch(KEEP_VERSION, created.stream().map(PostgresWorkflows::versionRow).toList()).thenApply(kept -> created));
  }

  @Override
  public CompletionStage<Workflow> update(Workflow workflow) {
    return super.update(workflow).thenCompose(this::keepVersion);
  }

  @Override
  public CompletionStage<Optional<WorkflowVersion>> version(UUID workflowId, long version) {
    return Sql.one("SELECT " + VERSION_COLUMNS + " FROM agent.workflow_versions WHERE workflow_id = $1 AND version = $2",
        Tuple.of(workflowId, version), PostgresWorkflows::toVersion);
  }

  @Override
  public CompletionStage<Page<WorkflowVersion>> versions(UUID workflowId, int offset, int limit) {
    return Sql.page(VERSION_COLUMNS, "FROM agent.workflow_versions WHERE workflow_id = $1", "version DESC", Tuple.of(workflowId), offset, limit,
        PostgresWorkflows::toVersion);
  }

  private CompletionStage<Workflow> keepVersion(Workflow stored) {
    return Sql.run(KEEP_VERSION, versionRow(stored)).thenApply(kept -> stored);
  }

  private static Tuple versionRow(Workflow w) {
    return Tuple.of(w.id(), w.version(), Sql.json(definition(w)), Sql.time(w.updatedAt()));
  }

  private static Map<String, Object> definition(Workflow w) {
    return Map.of("steps", w.definition().steps().stream().map(PostgresWorkflows::row).toList());
  }

  private static WorkflowVersion toVersion(Row row) {
    return new WorkflowVersion(row.getUUID("workflow_id"), row.getLong("version"), new WorkflowDefinition(steps(row.getString("definition"))),
        Sql.instant(row, "created_at"));
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
