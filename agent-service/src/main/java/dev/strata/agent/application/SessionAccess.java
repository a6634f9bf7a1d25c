package dev.strata.agent.application;

import dev.strata.agent.domain.attachment.AttachmentOwner;
import dev.strata.agent.domain.session.Session;
import dev.strata.agent.domain.session.Sessions;
import dev.strata.agent.domain.shared.Caller;
import dev.strata.agent.domain.shared.Query;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.user.User;
import dev.strata.agent.domain.user.Users;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.UUID;

/**
 * Sessions, their messages and attachments belong to the token subject that created the session.
 * Someone else's session answers exactly as a missing one (404), so its id tells nothing.
 */
public final class SessionAccess {

  private final Sessions sessions;
  private final Users users;
  private final UnitOfWork unitOfWork;

  public SessionAccess(Sessions sessions, Users users, UnitOfWork unitOfWork) {
    this.sessions = sessions;
    this.users = users;
    this.unitOfWork = unitOfWork;
  }

  /** The session when it exists and is {@code caller}'s; otherwise not found. */
  public Uni<Session> require(UUID sessionId, Caller caller) {
    return Async.uni(() -> unitOfWork.read(() -> sessions.get(sessionId)))
        .map(found -> found.filter(session -> session.visibleTo(caller)).orElseThrow(() -> notFound(sessionId)));
  }

  /** A session's files are its owner's; an execution's files follow the role rules alone. */
  public Uni<Void> requireOwner(AttachmentOwner owner, Caller caller) {
    return owner.kind() == AttachmentOwner.Kind.SESSION ? require(owner.id(), caller).replaceWithVoid() : Uni.createFrom().voidItem();
  }

  /** The id of the user {@code caller} signed in as, or null for a machine (an API key, a service). */
  public Uni<UUID> userIdOf(Caller caller) {
    // a subject that is not a username (api-key:<name>) names no user
    if (!SafeName.IDENTIFIER.accepts(caller.name())) {
      return Uni.createFrom().nullItem();
    }
    var byUsername = new Query(Map.of("username", caller.name()), null, null, false, 0, 1);
    return Async.uni(() -> unitOfWork.read(() -> users.list(byUsername)))
        .map(page -> page.items().stream().findFirst().map(User::id).orElse(null));
  }

  public static DomainException.NotFound notFound(UUID sessionId) {
    return new DomainException.NotFound("session " + sessionId + " not found");
  }
}
