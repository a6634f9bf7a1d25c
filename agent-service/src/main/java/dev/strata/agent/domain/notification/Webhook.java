package dev.strata.agent.domain.notification;

import dev.strata.kernel.messaging.contract.NotificationSend;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Posts a notification to a webhook URL; completes once the endpoint accepted it (2xx). A delivery
 * is at-least-once: the endpoint may have accepted it just before its record was lost, so every post
 * of one notification carries the same {@code deliveryId} for the endpoint to drop the repeat.
 */
@FunctionalInterface
public interface Webhook {

  CompletionStage<Void> post(String url, UUID deliveryId, NotificationSend notification);

  /** The endpoint refused the notification (4xx): trying again would not help. */
  final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }
}
