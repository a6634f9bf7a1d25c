package dev.strata.kernel.messaging;

import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.messaging.contract.BarBatch;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.kernel.messaging.contract.NotificationSend;
import dev.strata.kernel.messaging.contract.TokenRevocations;
import dev.strata.kernel.messaging.contract.UsageEventBatch;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A message contract: its {@code type} name, the queue it travels on, its payload record, the
 * schema version this code writes, and who may publish it. Readers accept every version up to
 * {@link #schemaVersion()}.
 *
 * @param publishers the services that own this message: a consumer accepts it only when the broker
 *     vouched (AMQP {@code user_id}) for one of them as its publisher, each service connecting as the
 *     broker user of its own name. Empty: anyone the broker lets write to the queue, i.e. external
 *     producers too; {@code workflow.execute} is checked by its consumer, which allows producers some starts.
 */
public record MessageType<T>(String name, String queue, Class<T> payloadType, int schemaVersion, Set<String> publishers) {

  public static final String INGEST = "ingest-service";
  public static final String WAREHOUSE = "warehouse-service";
  public static final String SCORING = "scoring-service";
  public static final String AGENT = "agent-service";

  public static final MessageType<BarBatch> BAR_BATCH =
      new MessageType<>("bar-batch", Queues.INGEST_BARS, BarBatch.class, 1, Set.of());
  public static final MessageType<UsageEventBatch> USAGE_EVENT_BATCH =
      new MessageType<>("usage-event-batch", Queues.INGEST_USAGE, UsageEventBatch.class, 1, Set.of());
  public static final MessageType<DatasetIngested> DATASET_INGESTED =
      new MessageType<>("dataset-ingested", Queues.DATASET_INGESTED, DatasetIngested.class, 1, Set.of(INGEST));
  public static final MessageType<WorkflowExecute> WORKFLOW_EXECUTE =
      new MessageType<>("workflow-execute", Queues.WORKFLOW_EXECUTE, WorkflowExecute.class, 1, Set.of());
  public static final MessageType<NotificationSend> NOTIFICATION_SEND =
      new MessageType<>("notification-send", Queues.NOTIFICATION_SEND, NotificationSend.class, 1, Set.of(AGENT));
  public static final MessageType<AuditEvent> AUDIT_EVENT =
      new MessageType<>("audit-event", Queues.AUDIT_LOG, AuditEvent.class, 1, Set.of(INGEST, WAREHOUSE, SCORING, AGENT));
  /** Broadcast: its {@link #queue()} is the routing key that reaches every instance's own queue. */
  public static final MessageType<TokenRevocations> TOKEN_REVOCATIONS =
      new MessageType<>("token-revocations", Queues.TOKEN_REVOCATIONS, TokenRevocations.class, 1, Set.of(AGENT));

  public MessageType {
    publishers = Set.copyOf(publishers);
  }

  /** Every contract the platform knows. */
  public static final List<MessageType<?>> ALL =
      List.of(BAR_BATCH, USAGE_EVENT_BATCH, DATASET_INGESTED, WORKFLOW_EXECUTE, NOTIFICATION_SEND, AUDIT_EVENT,
          TOKEN_REVOCATIONS);

  /** The contract named {@code name}, if there is one. */
  public static Optional<MessageType<?>> named(String name) {
    return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
  }
}
