package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.notification.DeliveryStatus;
import dev.strata.agent.domain.notification.Notification;
import dev.strata.agent.domain.notification.Notifications;
import dev.strata.agent.domain.shared.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link Notifications} on {@code agent.notifications}; the row id is the message id. */
public class PostgresNotifications implements Notifications {

  @Override
  public CompletionStage<Optional<Notification>> byMessageId(UUID messageId) {
    return Panache.getSession().chain(s -> s.find(NotificationEntity.class, messageId))
        .map(e -> Optional.ofNullable(e).map(PostgresNotifications::toDomain)).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Notification> record(Notification n) {
    return Panache.getSession().chain(s -> s.find(NotificationEntity.class, n.messageId()).chain(found -> {
      NotificationEntity e = found != null ? found : new NotificationEntity();
      if (found == null) {
        e.id = n.messageId();
        e.messageId = n.messageId();
        e.createdAt = n.createdAt();
      }
      e.channel = n.channel();
      e.webhookUrl = n.webhookUrl();
      e.subject = n.subject();
      e.status = n.status().name();
      e.attempts = n.attempts();
      e.lastError = n.lastError();
      e.executionId = n.executionId();
      e.updatedAt = n.updatedAt();
      return (found == null ? s.persist(e) : s.merge(e).replaceWithVoid()).chain(s::flush).map(x -> toDomain(e));
    })).onFailure().transform(Failures::translate).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Page<Notification>> list(DeliveryStatus status, int offset, int limit) {
    String where = status == null ? "" : " where n.status = :status";
    return Panache.getSession().chain(s -> {
      var rows = s.createSelectionQuery("from NotificationEntity n" + where + " order by n.createdAt desc, n.id", NotificationEntity.class);
      var count = s.createSelectionQuery("select count(*) from NotificationEntity n" + where, Long.class);
      if (status != null) {
        rows.setParameter("status", status.name());
        count.setParameter("status", status.name());
      }
      return rows.setFirstResult(offset).setMaxResults(limit).getResultList()
          .chain(list -> count.getSingleResult().map(total -> new Page<>(list.stream().map(PostgresNotifications::toDomain).toList(), total, offset, limit)));
    }).subscribeAsCompletionStage();
  }

  private static Notification toDomain(NotificationEntity e) {
    return new Notification(e.messageId, e.channel, e.webhookUrl, e.subject, DeliveryStatus.valueOf(e.status), e.attempts, e.lastError,
        e.executionId, e.createdAt, e.updatedAt);
  }
}
