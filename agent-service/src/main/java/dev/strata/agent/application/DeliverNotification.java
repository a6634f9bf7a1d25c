package dev.strata.agent.application;

import dev.strata.agent.domain.notification.DeliveryStatus;
import dev.strata.agent.domain.notification.Notification;
import dev.strata.agent.domain.notification.Notifications;
import dev.strata.agent.domain.notification.Webhook;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.NotificationSend;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers {@code notification.send} to its webhook (the message's URL or its channel's), retrying
 * transient failures with backoff, and records the outcome. A failure fails the message, so the
 * broker redelivers it and finally dead-letters it; a delivered or refused one is never posted again.
 * The record of a delivery is retried like the delivery itself: a post the endpoint accepted is only
 * posted again (with the same delivery id, the message id) when its record could not be written at all.
 */
public final class DeliverNotification {

  /** Retry settings of one delivery. */
  public record Retry(int maxAttempts, Duration initialBackoff, Duration timeout) {}

  private final Notifications notifications;
  private final Webhook webhook;
  private final UnitOfWork unitOfWork;
  private final Map<String, String> channels;
  private final Retry retry;
  private final Clock clock;

  public DeliverNotification(Notifications notifications, Webhook webhook, UnitOfWork unitOfWork,
      Map<String, String> channels, Retry retry, Clock clock) {
    this.notifications = notifications;
    this.webhook = webhook;
    this.unitOfWork = unitOfWork;
    this.channels = Map.copyOf(channels);
    this.retry = retry;
    this.clock = clock;
  }

  public Uni<Void> run(Envelope<NotificationSend> envelope) {
    return Async.<Optional<Notification>>uni(() -> unitOfWork.read(() -> notifications.byMessageId(envelope.messageId())))
        .chain(previous -> {
          if (previous.map(n -> n.status() == DeliveryStatus.DELIVERED).orElse(false)) {
            return Uni.createFrom().voidItem();
          }
          if (previous.map(n -> n.status() == DeliveryStatus.REJECTED).orElse(false)) {
            return Uni.createFrom().failure(new Webhook.Refused("refused before: " + previous.get().lastError()));
          }
          return deliver(envelope, previous.map(Notification::attempts).orElse(0));
        });
  }

  private Uni<Void> deliver(Envelope<NotificationSend> envelope, int attemptsBefore) {
    NotificationSend payload = envelope.payload();
    String url = payload.webhookUrl() != null ? payload.webhookUrl() : channels.get(payload.channel());
    AtomicInteger attempts = new AtomicInteger(attemptsBefore);
    // a delivery whose record failed is not recorded FAILED: the redelivery posts it again, same id
    AtomicBoolean deliveredUnrecorded = new AtomicBoolean();
    if (url == null) {
      return record(envelope, null, DeliveryStatus.REJECTED, attemptsBefore, "no webhook URL for channel '" + payload.channel() + "'")
          .chain(() -> Uni.createFrom().failure(new Webhook.Refused("no webhook URL for channel '" + payload.channel() + "'")));
    }
    Uni<Void> attempt = Uni.createFrom().deferred(() -> {
      attempts.incrementAndGet();
      return Async.<Void>uni(() -> webhook.post(url, envelope.messageId(), payload)).ifNoItem().after(retry.timeout()).fail();
    });
    return attempt.onFailure(failure -> !refused(failure)).retry()
        .withBackOff(retry.initialBackoff(), retry.initialBackoff().multipliedBy(16)).atMost(retry.maxAttempts() - 1L)
        .chain(() -> record(envelope, url, DeliveryStatus.DELIVERED, attempts.get(), null)
            .onFailure().retry().withBackOff(retry.initialBackoff(), retry.initialBackoff().multipliedBy(16)).atMost(retry.maxAttempts() - 1L)
            .onFailure().invoke(failure -> deliveredUnrecorded.set(true)))
        .onFailure(failure -> !deliveredUnrecorded.get()).call(failure -> record(envelope, url,
            refused(failure) ? DeliveryStatus.REJECTED : DeliveryStatus.FAILED, attempts.get(), String.valueOf(failure.getMessage())))
        .replaceWithVoid();
  }

  /** A refusal may arrive wrapped (a completion stage failed with it). */
  private static boolean refused(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof Webhook.Refused) {
        return true;
      }
    }
    return false;
  }

  private Uni<Notification> record(Envelope<NotificationSend> envelope, String url, DeliveryStatus status, int attempts, String error) {
    NotificationSend p = envelope.payload();
    var notification = new Notification(envelope.messageId(), p.channel(), url, p.subject(), status, attempts, error,
        p.executionId(), clock.instant(), clock.instant());
    return Async.uni(() -> unitOfWork.write(() -> notifications.record(notification)));
  }
}
