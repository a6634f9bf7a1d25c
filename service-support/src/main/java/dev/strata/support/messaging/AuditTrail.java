package dev.strata.support.messaging;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.messaging.contract.AuditEvent.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/** Publishes {@code audit.log} events for this service; agent-service chains them. */
@ApplicationScoped
public class AuditTrail {

  private static final Logger LOG = Logger.getLogger(AuditTrail.class);

  private final Emitter<byte[]> emitter;
  private final OutboundMessages outbound;
  private final String service;

  /**
   * @param emitter buffered well past the connector's own requests: a burst of requests (each audited) outruns the
   *     broker's confirms for a while, and a record the emitter refuses is lost
   */
  AuditTrail(@Channel("audit") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) Emitter<byte[]> emitter,
      OutboundMessages outbound,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    this.emitter = emitter;
    this.outbound = outbound;
    this.service = service;
  }

  /**
   * Records what already happened, without waiting: the action stands whether or not its record gets out, so a
   * record the broker did not take is logged instead of failing or undoing anything.
   */
  public void recordDone(
      String actor, String action, String resource, Outcome outcome, String correlationId, Map<String, String> details) {
    record(actor, action, resource, outcome, correlationId, details).exceptionally(failure -> {
      LOG.warnf("could not publish the audit of %s on %s by %s: %s", action, resource, actor, failure.getMessage());
      return null;
    });
  }

  public CompletionStage<Void> record(
      String actor, String action, String resource, Outcome outcome, String correlationId, Map<String, String> details) {
    AuditEvent event = new AuditEvent(service, actor, action, resource, outcome, Instant.now(), details);
    return outbound.send(emitter, MessageType.AUDIT_EVENT, Envelope.of(MessageType.AUDIT_EVENT, event, correlationId));
  }
}
