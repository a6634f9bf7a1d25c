package dev.strata.agent.domain.notification;

import dev.strata.agent.domain.shared.Page;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Delivery records, one per message id. */
public interface Notifications {

  CompletionStage<Optional<Notification>> byMessageId(UUID messageId);

  /** Inserts or replaces the record of {@code notification.messageId()}. */
  CompletionStage<Notification> record(Notification notification);

  /** Newest first; a null status does not filter. */
  CompletionStage<Page<Notification>> list(DeliveryStatus status, int offset, int limit);
}
