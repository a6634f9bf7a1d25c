package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.agent.Agent;
import dev.strata.agent.domain.agent.AgentStatus;
import dev.strata.agent.domain.agent.Agents;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.Query;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** {@link Agents} on {@code agent.agents}. */
public class PostgresAgents extends PanacheRepositoryAdapter<Agent, AgentEntity> implements Agents {

  public PostgresAgents() {
    super(AgentEntity.class);
  }

  @Override
  public CompletionStage<List<Agent>> byType(String type, int limit) {
    return list(new Query(Map.of("type", type), null, "name", false, 0, limit)).thenApply(Page::items);
  }

  @Override
  public CompletionStage<List<Agent>> active(int limit) {
    return list(new Query(Map.of("status", AgentStatus.active.name()), null, "name", false, 0, limit)).thenApply(Page::items);
  }

  @Override
  public CompletionStage<Page<Agent>> searchByName(String text, int offset, int limit) {
    return list(new Query(Map.of(), text, "name", false, offset, limit));
  }

  @Override
  protected Agent toDomain(AgentEntity e) {
    return new Agent(e.id, e.name, e.type, e.model, e.systemPrompt, e.config, AgentStatus.valueOf(e.status), e.version, e.createdAt, e.updatedAt);
  }

  @Override
  protected void copy(Agent a, AgentEntity e) {
    e.name = a.name();
    e.type = a.type();
    e.model = a.model();
    e.systemPrompt = a.systemPrompt();
    e.config = a.config();
    e.status = a.status().name();
    e.createdAt = a.createdAt();
    e.updatedAt = a.updatedAt();
  }

  @Override
  protected AgentEntity newEntity() {
    return new AgentEntity();
  }

  @Override
  protected UUID idOf(Agent a) {
    return a.id();
  }

  @Override
  protected long versionOf(Agent a) {
    return a.version();
  }

  @Override
  protected Map<String, Function<String, Object>> filterable() {
    return Map.of("type", v -> v, "model", v -> v, "status", v -> AgentStatus.valueOf(v).name());
  }

  @Override
  protected Set<String> sortable() {
    return Set.of("name", "type", "createdAt", "updatedAt");
  }
}
