package dev.strata.agent.config;

import dev.strata.kernel.api.CustomerScores;
import dev.strata.kernel.api.QueryResult;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.messaging.contract.NotificationSend;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The records Jackson reads and writes through mappers Quarkus does not see (the message codec of
 * shared-kernel, the webhook body, the LLM cache entries in Redis, the scoring and warehouse answers a
 * workflow step turns into maps), kept for reflection in a native image; the JVM build does not need this.
 */
@RegisterForReflection(
    targets = {
      Envelope.class, WorkflowExecute.class, NotificationSend.class, AuditEvent.class, CustomerScores.class,
      CustomerScores.Score.class, QueryResult.class
    },
    classNames = "dev.strata.agent.adapter.out.redis.CachedCompletion")
final class NativeReflection {

  private NativeReflection() {}
}
