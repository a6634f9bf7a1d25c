package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.session.SessionMessage;
import dev.strata.agent.domain.session.SessionMessages;
import dev.strata.agent.domain.shared.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link SessionMessages} on {@code agent.session_messages}. */
public class PostgresSessionMessages implements SessionMessages {

  @Override
  public CompletionStage<SessionMessage> append(SessionMessage m) {
    SessionMessageEntity e = new SessionMessageEntity();
    e.id = m.id();
    e.sessionId = m.sessionId();
    e.role = m.role();
    e.content = m.content();
    e.createdAt = m.createdAt();
    return Panache.getSession().chain(s -> s.persist(e).chain(s::flush)).map(x -> m)
        .onFailure().transform(Failures::translate).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Page<SessionMessage>> of(UUID sessionId, int offset, int limit) {
    return Panache.getSession().chain(s -> s.createSelectionQuery(
            "from SessionMessageEntity m where m.sessionId = :session order by m.createdAt, m.id", SessionMessageEntity.class)
        .setParameter("session", sessionId).setFirstResult(offset).setMaxResults(limit).getResultList()
        .chain(rows -> s.createSelectionQuery("select count(*) from SessionMessageEntity m where m.sessionId = :session", Long.class)
            .setParameter("session", sessionId).getSingleResult()
            .map(total -> new Page<>(rows.stream().map(e -> new SessionMessage(e.id, e.sessionId, e.role, e.content, e.createdAt)).toList(),
                total, offset, limit))))
        .subscribeAsCompletionStage();
  }
}
