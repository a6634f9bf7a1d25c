package dev.strata.agent.application;

import dev.strata.agent.domain.session.SessionMessage;
import dev.strata.agent.domain.session.SessionMessages;
import dev.strata.agent.domain.session.Sessions;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.UUID;

/** Appends to and pages through a session's messages; a missing session is a not-found error. */
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

  public Uni<SessionMessage> append(UUID sessionId, String role, String content) {
    var message = new SessionMessage(UUID.randomUUID(), sessionId, role, content, clock.instant());
    return Async.uni(() -> unitOfWork.write(() -> sessions.get(sessionId).thenCompose(found -> {
      found.orElseThrow(() -> new DomainException.NotFound("session " + sessionId + " not found"));
      return messages.append(message);
    })));
  }

  public Uni<Page<SessionMessage>> list(UUID sessionId, int offset, int limit) {
    return Async.uni(() -> unitOfWork.read(() -> sessions.get(sessionId).thenCompose(found -> {
      found.orElseThrow(() -> new DomainException.NotFound("session " + sessionId + " not found"));
      return messages.of(sessionId, offset, limit);
    })));
  }
}
