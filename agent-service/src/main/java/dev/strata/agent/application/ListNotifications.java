package dev.strata.agent.application;

import dev.strata.agent.domain.notification.DeliveryStatus;
import dev.strata.agent.domain.notification.Notification;
import dev.strata.agent.domain.notification.Notifications;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.UnitOfWork;
import io.smallrye.mutiny.Uni;

/** Delivery records, optionally of one status. */
public final class ListNotifications {

  private final Notifications notifications;
  private final UnitOfWork unitOfWork;

  public ListNotifications(Notifications notifications, UnitOfWork unitOfWork) {
    this.notifications = notifications;
    this.unitOfWork = unitOfWork;
  }

  public Uni<Page<Notification>> run(DeliveryStatus status, int offset, int limit) {
    return Async.uni(() -> unitOfWork.read(() -> notifications.list(status, offset, limit)));
  }
}
