package dev.strata.agent.adapter.in.messaging;

import dev.strata.agent.application.DeliverNotification;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.support.messaging.InboundMessages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** {@code notification.send} → webhook delivery. */
@ApplicationScoped
public class NotificationConsumer {

  private final InboundMessages inbound;
  private final DeliverNotification deliver;

  NotificationConsumer(InboundMessages inbound, DeliverNotification deliver) {
    this.inbound = inbound;
    this.deliver = deliver;
  }

  @Incoming("notification-send")
  public Uni<Void> consume(Message<byte[]> message) {
    return inbound.handle(message, MessageType.NOTIFICATION_SEND, deliver::run);
  }
}
