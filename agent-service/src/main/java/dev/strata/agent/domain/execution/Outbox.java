package dev.strata.agent.domain.execution;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import java.util.concurrent.CompletionStage;

/**
 * Messages that must leave only if the current unit of work commits: stored in its transaction,
 * published afterwards by a relay.
 */
public interface Outbox {

  <T> CompletionStage<Void> enqueue(MessageType<T> type, Envelope<T> envelope);
}
