package dev.strata.support.messaging;

import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.NotificationSend;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumer written the way every service writes one, recording what it accepted. */
@ApplicationScoped
public class ProbeConsumer {

  private final List<NotificationSend> accepted = new CopyOnWriteArrayList<>();
  private final InboundMessages inbound;

  ProbeConsumer(InboundMessages inbound) {
    this.inbound = inbound;
  }

  List<NotificationSend> accepted() {
    return List.copyOf(accepted);
  }

  @Incoming("probe")
  public Uni<Void> consume(Message<byte[]> message) {
    return inbound.handle(message, MessageType.NOTIFICATION_SEND, envelope -> {
      accepted.add(envelope.payload());
      return Uni.createFrom().voidItem();
    });
  }
}
