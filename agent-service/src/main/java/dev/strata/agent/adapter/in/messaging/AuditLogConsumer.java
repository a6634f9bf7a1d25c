package dev.strata.agent.adapter.in.messaging;

import dev.strata.kernel.messaging.MessageType;
import dev.strata.support.messaging.InboundMessages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * {@code audit.log} from every service → the hash-chained audit log, in batches ({@link AuditBatches}).
 *
 * <p>A delivery is handed to the batches and the method returns at once: the channel hands out its
 * messages one at a time and waits for the returned {@code Uni}, so waiting for the commit here would
 * make every batch one event long. The delivery is still acked only after its batch committed, and
 * nacked if it failed ({@link InboundMessages}); the channel's prefetch
 * ({@code max-outstanding-messages}) bounds how many wait unacked.
 */
@ApplicationScoped
public class AuditLogConsumer {

  private static final Logger LOG = Logger.getLogger(AuditLogConsumer.class);

  private final InboundMessages inbound;
  private final AuditBatches batches;

  AuditLogConsumer(InboundMessages inbound, AuditBatches batches) {
    this.inbound = inbound;
    this.batches = batches;
  }

  @Incoming("audit-log")
  public Uni<Void> consume(Message<byte[]> message) {
    inbound.handle(message, MessageType.AUDIT_EVENT, batches::submit).subscribe().with(
        settled -> {},
        // handle() acks or nacks; only a failure to do either ends here (the broker redelivers an unsettled message)
        failure -> LOG.warnf("audit.log delivery could not be acked or nacked: %s", failure.getMessage()));
    return Uni.createFrom().voidItem();
  }
}
