package dev.strata.agent.domain.session;

import dev.strata.agent.domain.shared.Page;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** The messages of sessions, oldest first. */
public interface SessionMessages {

  /** Fails with a conflict when the session does not exist (it was deleted meanwhile). */
  CompletionStage<SessionMessage> append(SessionMessage message);

  CompletionStage<Page<SessionMessage>> of(UUID sessionId, int offset, int limit);
}
