package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.session.SessionMessage;
import dev.strata.agent.domain.session.SessionMessages;
import dev.strata.agent.domain.shared.Page;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link SessionMessages} on {@code agent.session_messages}. */
public class PostgresSessionMessages implements SessionMessages {

  private static final String COLUMNS = "id, session_id, role, content, created_at";

  @Override
  public CompletionStage<SessionMessage> append(SessionMessage m) {
    return Sql.run("INSERT INTO agent.session_messages (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5)",
        Tuple.of(m.id(), m.sessionId(), m.role(), m.content(), Sql.time(m.createdAt()))).thenApply(inserted -> m);
  }

  @Override
  public CompletionStage<Page<SessionMessage>> of(UUID sessionId, int offset, int limit) {
    return Sql.page(COLUMNS, "FROM agent.session_messages WHERE session_id = $1", "created_at, id", Tuple.of(sessionId), offset, limit,
        PostgresSessionMessages::toDomain);
  }

  private static SessionMessage toDomain(Row row) {
    return new SessionMessage(row.getUUID("id"), row.getUUID("session_id"), row.getString("role"), row.getString("content"),
        Sql.instant(row, "created_at"));
  }
}
