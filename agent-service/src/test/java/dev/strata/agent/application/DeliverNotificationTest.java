package dev.strata.agent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.domain.notification.DeliveryStatus;
import dev.strata.agent.domain.notification.Notification;
import dev.strata.agent.domain.notification.Notifications;
import dev.strata.agent.domain.notification.Webhook;
import dev.strata.agent.domain.shared.Page;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.NotificationSend;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliverNotificationTest {

  private final Map<UUID, Notification> records = new ConcurrentHashMap<>();
  private final List<String> posted = new CopyOnWriteArrayList<>();
  private final List<UUID> deliveryIds = new CopyOnWriteArrayList<>();
  private final AtomicInteger recordsToFail = new AtomicInteger();
  private final Notifications notifications = new Notifications() {
    public CompletionStage<Optional<Notification>> byMessageId(UUID id) { return CompletableFuture.completedFuture(Optional.ofNullable(records.get(id))); }
    public CompletionStage<Notification> record(Notification n) {
      if (recordsToFail.getAndDecrement() > 0) {
        return CompletableFuture.failedFuture(new IllegalStateException("connection closed"));
      }
      records.put(n.messageId(), n);
      return CompletableFuture.completedFuture(n);
    }
    public CompletionStage<Page<Notification>> list(DeliveryStatus s, int o, int l) { throw new UnsupportedOperationException(); }
  };

  private DeliverNotification notifier(Webhook webhook) {
    return new DeliverNotification(notifications, webhook, new InMemoryRunnerPorts().unitOfWork, Map.of("ops", "http://ops/hook"),
        new DeliverNotification.Retry(3, Duration.ofMillis(1), Duration.ofSeconds(5)), Clock.systemUTC());
  }

  private static Envelope<NotificationSend> message(String url) {
    return Envelope.of(MessageType.NOTIFICATION_SEND, new NotificationSend("ops", url, "s", "b", null), "c");
  }

  private Webhook failing(int failures, RuntimeException failure) {
    return (url, deliveryId, n) -> {
      posted.add(url);
      deliveryIds.add(deliveryId);
      return posted.size() <= failures ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(null);
    };
  }

  @Test
  void aDeliveredNotificationIsNeverPostedAgain() {
    var envelope = message("http://a/hook");
    var notifier = notifier(failing(0, null));
    notifier.run(envelope).await().indefinitely();
    notifier.run(envelope).await().indefinitely();
    assertThat(posted).containsExactly("http://a/hook");
    assertThat(records.get(envelope.messageId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  void transientFailuresAreRetriedAndTheAttemptsRecorded() {
    var envelope = message(null);
    notifier(failing(2, new IllegalStateException("503"))).run(envelope).await().indefinitely();
    assertThat(posted).containsExactly("http://ops/hook", "http://ops/hook", "http://ops/hook");
    assertThat(records.get(envelope.messageId())).extracting(Notification::status, Notification::attempts)
        .containsExactly(DeliveryStatus.DELIVERED, 3);
  }

  @Test
  void aRefusalIsNotRetriedIsRecordedAndFailsEveryRedeliveryWithoutPostingAgain() {
    var envelope = message("http://gone/hook");
    var notifier = notifier(failing(99, new java.util.concurrent.CompletionException(new Webhook.Refused("410"))));
    assertThatThrownBy(() -> notifier.run(envelope).await().indefinitely()).isNotNull();
    assertThatThrownBy(() -> notifier.run(envelope).await().indefinitely()).isInstanceOf(Webhook.Refused.class);
    assertThat(posted).hasSize(1);
    assertThat(records.get(envelope.messageId()).status()).isEqualTo(DeliveryStatus.REJECTED);
  }

  @Test
  void aChannelWithoutAWebhookIsRejected() {
    var envelope = Envelope.of(MessageType.NOTIFICATION_SEND, new NotificationSend("nobody", null, "s", "b", null), "c");
    assertThatThrownBy(() -> notifier(failing(0, null)).run(envelope).await().indefinitely()).hasMessageContaining("nobody");
    assertThat(posted).isEmpty();
    assertThat(records.get(envelope.messageId()).status()).isEqualTo(DeliveryStatus.REJECTED);
  }

  @Test
  void aWebhookThatKeepsFailingIsRecordedAsFailedAndFailsTheMessage() {
    var envelope = message("http://down/hook");
    assertThatThrownBy(() -> notifier(failing(99, new IllegalStateException("503"))).run(envelope).await().indefinitely()).hasMessageContaining("503");
    assertThat(posted).hasSize(3);
    assertThat(records.get(envelope.messageId()).status()).isEqualTo(DeliveryStatus.FAILED);
  }

  @Test
  void aDeliveryWhoseRecordFailsForAMomentIsRecordedWithoutPostingAgain() {
    var envelope = message("http://a/hook");
    recordsToFail.set(2);
    notifier(failing(0, null)).run(envelope).await().indefinitely();
    assertThat(posted).hasSize(1);
    assertThat(records.get(envelope.messageId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  void aDeliveryWhoseRecordCannotBeWrittenFailsTheMessageAndIsPostedAgainWithTheSameId() {
    var envelope = message("http://a/hook");
    recordsToFail.set(3);
    var notifier = notifier(failing(0, null));
    assertThatThrownBy(() -> notifier.run(envelope).await().indefinitely()).hasMessageContaining("connection closed");
    assertThat(records).doesNotContainKey(envelope.messageId());
    notifier.run(envelope).await().indefinitely();
    assertThat(deliveryIds).containsExactly(envelope.messageId(), envelope.messageId());
    assertThat(records.get(envelope.messageId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
  }
}
