package dev.strata.kernel.messaging;

import java.util.List;

/**
 * The RabbitMQ topology every service declares: one topic exchange, each queue bound with its own
 * name as routing key, each dead-lettered to {@code <queue>.dlq} after {@link #DELIVERY_LIMIT}
 * deliveries.
 */
public final class Queues {

  /**
   * The topic exchange every publisher uses; the broker's topic permissions on it decide which routing keys
   * each broker user may publish (the default exchange is closed to the services' and producers' users).
   */
  public static final String EXCHANGE = "strata";

  /** Where rejected messages go; routes {@code <queue>.dlq} to the queue of that name. */
  public static final String DEAD_LETTER_EXCHANGE = "strata.dlx";

  /** Deliveries after which the broker dead-letters a message that keeps failing. */
  public static final int DELIVERY_LIMIT = 5;

  public static final String INGEST_BARS = "ingest.bars";
  public static final String INGEST_USAGE = "ingest.usage";
  public static final String DATASET_INGESTED = "dataset.ingested";
  public static final String WORKFLOW_EXECUTE = "workflow.execute";
  public static final String NOTIFICATION_SEND = "notification.send";
  public static final String AUDIT_LOG = "audit.log";

  /**
   * Routing key of the token revocations, which every service instance must see: the topic exchange
   * passes it to the fanout exchange {@link #TOKEN_BROADCAST_EXCHANGE}, which copies each message to
   * one exclusive, auto-delete queue per instance. Not a queue itself, so not in {@link #ALL}.
   */
  public static final String TOKEN_REVOCATIONS = "token.revocations";

  /** The fanout exchange behind {@link #TOKEN_REVOCATIONS}. */
  public static final String TOKEN_BROADCAST_EXCHANGE = "strata.tokens";

  /** Routing keys that reach every instance rather than one durable queue. */
  public static final List<String> BROADCASTS = List.of(TOKEN_REVOCATIONS);

  /** Every queue of the platform, in the order of ARCHITECTURE.md. */
  public static final List<String> ALL =
      List.of(INGEST_BARS, INGEST_USAGE, DATASET_INGESTED, WORKFLOW_EXECUTE, NOTIFICATION_SEND, AUDIT_LOG);

  private Queues() {}

  /** The dead-letter queue of {@code queue}. */
  public static String deadLetterQueue(String queue) {
    return queue + ".dlq";
  }
}
