package dev.strata.agent.domain.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The delivery record of one {@code notification.send} message (one per message id).
 *
 * @param attempts HTTP attempts made so far, across redeliveries
 */
public record Notification(
    UUID messageId, String channel, String webhookUrl, String subject, DeliveryStatus status, int attempts,
    String lastError, UUID executionId, Instant createdAt, Instant updatedAt) {

  public Notification {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(status, "status");
  }
}
