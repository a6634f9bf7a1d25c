package dev.strata.agent.domain.notification;

import dev.strata.kernel.messaging.contract.NotificationSend;
import java.util.concurrent.CompletionStage;

/** Posts a notification to a webhook URL; completes once the endpoint accepted it (2xx). */
@FunctionalInterface
public interface Webhook {

  CompletionStage<Void> post(String url, NotificationSend notification);

  /** The endpoint refused the notification (4xx): trying again would not help. */
  final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }
}
