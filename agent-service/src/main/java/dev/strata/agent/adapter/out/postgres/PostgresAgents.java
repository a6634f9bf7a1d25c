package dev.strata.agent.adapter.out.postgres;

import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.json;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.of;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.time;

import dev.strata.agent.domain.agent.Agent;
import dev.strata.agent.domain.agent.AgentStatus;
import dev.strata.agent.domain.agent.Agents;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.Query;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link Agents} on {@code agent.agents}. */
public class PostgresAgents extends PostgresRepository<Agent> implements Agents {

  public PostgresAgents() {
    super("agent.agents", "agent",
        List.of(of("name", Agent::name), of("type", Agent::type), of("model", Agent::model), of("system_prompt", Agent::systemPrompt),
            json("config", Agent::config), of("status", a -> a.status().name()), time("created_at", Agent::createdAt),
            time("updated_at", Agent::updatedAt)),
        Map.of("type", new Filter("type", v -> v), "model", new Filter("model", v -> v),
            "status", new Filter("status", v -> AgentStatus.valueOf(v).name())),
        Map.of("name", "name", "type", "type", "createdAt", "created_at", "updatedAt", "updated_at"),
        "name");
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
  protected Agent toDomain(Row row) {
    return new Agent(row.getUUID("id"), row.getString("name"), row.getString("type"), row.getString("model"), row.getString("system_prompt"),
        Sql.object(row.getString("config")), AgentStatus.valueOf(row.getString("status")), row.getLong("version"),
        Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
  }

  @Override
  protected UUID idOf(Agent a) {
    return a.id();
  }

  @Override
  protected long versionOf(Agent a) {
    return a.version();
  }
}
