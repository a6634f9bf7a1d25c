package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.notification.DeliveryStatus;
import dev.strata.agent.domain.notification.Notification;
import dev.strata.agent.domain.notification.Notifications;
import dev.strata.agent.domain.shared.Page;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link Notifications} on {@code agent.notifications}; the row id is the message id. */
public class PostgresNotifications implements Notifications {

  private static final String COLUMNS = "message_id, channel, webhook_url, subject, status, attempts, last_error, execution_id, created_at, updated_at";
  /** A redelivery's record replaces the delivery state; the row keeps its first creation time. */
  private static final String RECORD = """
      INSERT INTO agent.notifications (id, %s) VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      ON CONFLICT (id) DO UPDATE SET channel = EXCLUDED.channel, webhook_url = EXCLUDED.webhook_url, subject = EXCLUDED.subject,
        status = EXCLUDED.status, attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error, execution_id = EXCLUDED.execution_id,
        updated_at = EXCLUDED.updated_at
      RETURNING %s""".formatted(COLUMNS, COLUMNS);

  @Override
  public CompletionStage<Optional<Notification>> byMessageId(UUID messageId) {
    return Sql.one("SELECT " + COLUMNS + " FROM agent.notifications WHERE id = $1", Tuple.of(messageId), PostgresNotifications::toDomain);
  }

  @Override
  public CompletionStage<Notification> record(Notification n) {
    Tuple row = Tuple.tuple().addValue(n.messageId()).addValue(n.channel()).addValue(n.webhookUrl()).addValue(n.subject())
        .addValue(n.status().name()).addInteger(n.attempts()).addValue(n.lastError()).addValue(n.executionId())
        .addValue(Sql.time(n.createdAt())).addValue(Sql.time(n.updatedAt()));
    return Sql.one(RECORD, row, PostgresNotifications::toDomain).thenApply(Optional::orElseThrow);
  }

  @Override
  public CompletionStage<Page<Notification>> list(DeliveryStatus status, int offset, int limit) {
    return status == null
        ? Sql.page(COLUMNS, "FROM agent.notifications", "created_at DESC, id", Tuple.tuple(), offset, limit, PostgresNotifications::toDomain)
        : Sql.page(COLUMNS, "FROM agent.notifications WHERE status = $1", "created_at DESC, id", Tuple.of(status.name()), offset, limit,
            PostgresNotifications::toDomain);
  }

  private static Notification toDomain(Row row) {
    return new Notification(row.getUUID("message_id"), row.getString("channel"), row.getString("webhook_url"), row.getString("subject"),
        DeliveryStatus.valueOf(row.getString("status")), row.getInteger("attempts"), row.getString("last_error"),
        row.getUUID("execution_id"), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
  }
}
