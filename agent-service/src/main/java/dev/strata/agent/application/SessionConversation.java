package dev.strata.agent.application;

import dev.strata.agent.domain.session.SessionMessage;
import dev.strata.agent.domain.session.SessionMessages;
import dev.strata.agent.domain.session.Sessions;
import dev.strata.agent.domain.shared.Caller;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.UnitOfWork;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.UUID;

/** Appends to and pages through a session's messages; a missing session, or someone else's, is a not-found error. */
public final class SessionConversation {

  private final Sessions sessions;
  private final SessionMessages messages;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public SessionConversation(Sessions sessions, SessionMessages messages, UnitOfWork unitOfWork, Clock clock) {
    this.sessions = sessions;
    this.messages = messages;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  /** {@code role} as the caller may write it: {@code user}, or {@code assistant} for the platform's own services. */
  public Uni<SessionMessage> append(UUID sessionId, Caller caller, String role, String content) {
    SessionMessage.requireWritableBy(role, caller);
    var message = new SessionMessage(UUID.randomUUID(), sessionId, role, content, clock.instant());
    return Async.uni(() -> unitOfWork.write(() -> sessions.get(sessionId).thenCompose(found -> {
      found.filter(session -> session.visibleTo(caller)).orElseThrow(() -> SessionAccess.notFound(sessionId));
      return messages.append(message);
    })));
  }

  public Uni<Page<SessionMessage>> list(UUID sessionId, Caller caller, int offset, int limit) {
    return Async.uni(() -> unitOfWork.read(() -> sessions.get(sessionId).thenCompose(found -> {
      found.filter(session -> session.visibleTo(caller)).orElseThrow(() -> SessionAccess.notFound(sessionId));
      return messages.of(sessionId, offset, limit);
    })));
  }
}
