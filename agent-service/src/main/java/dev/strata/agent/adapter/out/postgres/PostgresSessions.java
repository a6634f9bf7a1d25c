package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.session.Session;
import dev.strata.agent.domain.session.Sessions;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** {@link Sessions} on {@code agent.sessions}; {@code ?q=} searches the title. */
public class PostgresSessions extends PanacheRepositoryAdapter<Session, SessionEntity> implements Sessions {

  public PostgresSessions() {
    super(SessionEntity.class);
  }

  @Override
  protected String searchField() {
    return "title";
  }

  @Override
  protected Session toDomain(SessionEntity e) {
    return new Session(e.id, e.agentId, e.userId, e.owner, e.title, e.state, e.version, e.createdAt, e.updatedAt);
  }

  @Override
  protected void copy(Session s, SessionEntity e) {
    e.agentId = s.agentId();
    e.userId = s.userId();
    e.owner = s.owner();
    e.title = s.title();
    e.state = s.state();
    e.createdAt = s.createdAt();
    e.updatedAt = s.updatedAt();
  }

  @Override
  protected SessionEntity newEntity() {
    return new SessionEntity();
  }

  @Override
  protected UUID idOf(Session s) {
    return s.id();
  }

  @Override
  protected long versionOf(Session s) {
    return s.version();
  }

  @Override
  protected Map<String, Function<String, Object>> filterable() {
    return Map.of("agentId", UUID::fromString, "userId", UUID::fromString, "owner", owner -> owner);
  }

  @Override
  protected Set<String> sortable() {
    return Set.of("title", "createdAt", "updatedAt");
  }
}
