package dev.strata.agent.adapter.out.postgres;

import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.json;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.of;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.time;

import dev.strata.agent.domain.session.Session;
import dev.strata.agent.domain.session.Sessions;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link Sessions} on {@code agent.sessions}; {@code ?q=} searches the title. */
public class PostgresSessions extends PostgresRepository<Session> implements Sessions {

  public PostgresSessions() {
    super("agent.sessions", "session",
        List.of(of("agent_id", Session::agentId), of("user_id", Session::userId), of("owner", Session::owner), of("title", Session::title),
            json("state", Session::state), time("created_at", Session::createdAt), time("updated_at", Session::updatedAt)),
        Map.of("agentId", new Filter("agent_id", UUID::fromString), "userId", new Filter("user_id", UUID::fromString),
            "owner", new Filter("owner", owner -> owner)),
        Map.of("title", "title", "createdAt", "created_at", "updatedAt", "updated_at"),
        "title");
  }

  @Override
  protected Session toDomain(Row row) {
    return new Session(row.getUUID("id"), row.getUUID("agent_id"), row.getUUID("user_id"), row.getString("owner"), row.getString("title"),
        Sql.object(row.getString("state")), row.getLong("version"), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
  }

  @Override
  protected UUID idOf(Session s) {
    return s.id();
  }

  @Override
  protected long versionOf(Session s) {
    return s.version();
  }
}
