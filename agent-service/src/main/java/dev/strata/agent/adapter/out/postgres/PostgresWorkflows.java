package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.agent.domain.workflow.WorkflowDefinition;
import dev.strata.agent.domain.workflow.Workflows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** {@link Workflows} on {@code agent.workflows}. */
public class PostgresWorkflows extends PanacheRepositoryAdapter<Workflow, WorkflowEntity> implements Workflows {

  public PostgresWorkflows() {
    super(WorkflowEntity.class);
  }

  @Override
  @SuppressWarnings("unchecked")
  protected Workflow toDomain(WorkflowEntity e) {
    List<Step> steps = ((List<Map<String, Object>>) e.definition.get("steps")).stream()
        .map(s -> new Step((String) s.get("id"), StepKind.of((String) s.get("kind")), (Map<String, Object>) s.get("params")))
        .toList();
    return new Workflow(e.id, e.name, e.description, e.agentId, new WorkflowDefinition(steps), e.version, e.createdAt, e.updatedAt);
  }

  @Override
  protected void copy(Workflow w, WorkflowEntity e) {
    e.name = w.name();
    e.description = w.description();
    e.agentId = w.agentId();
    e.definition = Map.of("steps", w.definition().steps().stream().map(PostgresWorkflows::row).toList());
    e.createdAt = w.createdAt();
    e.updatedAt = w.updatedAt();
  }

  private static Map<String, Object> row(Step step) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", step.id());
    row.put("kind", step.kind().wireName());
    row.put("params", step.params());
    return row;
  }

  @Override
  protected WorkflowEntity newEntity() {
    return new WorkflowEntity();
  }

  @Override
  protected UUID idOf(Workflow w) {
    return w.id();
  }

  @Override
  protected long versionOf(Workflow w) {
    return w.version();
  }

  @Override
  protected Map<String, Function<String, Object>> filterable() {
    return Map.of("agentId", UUID::fromString);
  }

  @Override
  protected Set<String> sortable() {
    return Set.of("name", "createdAt", "updatedAt");
  }
}
