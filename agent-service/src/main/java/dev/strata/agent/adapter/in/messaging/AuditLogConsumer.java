package dev.strata.agent.adapter.in.messaging;

import dev.strata.agent.application.RecordAudit;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.support.messaging.InboundMessages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** {@code audit.log} from every service → the hash-chained audit log. */
@ApplicationScoped
public class AuditLogConsumer {

  private final InboundMessages inbound;
  private final RecordAudit recordAudit;

  AuditLogConsumer(InboundMessages inbound, RecordAudit recordAudit) {
    this.inbound = inbound;
    this.recordAudit = recordAudit;
  }

  @Incoming("audit-log")
  public Uni<Void> consume(Message<byte[]> message) {
    return inbound.handle(message, MessageType.AUDIT_EVENT, recordAudit::run);
  }
}
