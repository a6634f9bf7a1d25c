package dev.strata.agent.adapter.in.messaging;

import dev.strata.agent.application.RunExecution;
import dev.strata.agent.settings.AgentConfig;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import dev.strata.support.messaging.AuditTrail;
import dev.strata.support.messaging.InboundMessages;
import dev.strata.support.messaging.RefusedMessage;
import dev.strata.support.messaging.TrustedPublishers;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code workflow.execute} → the runner; acked once the execution stopped (finished, failed or handed over).
 * The publisher is the message's {@code user_id}, which RabbitMQ checks against the publishing connection's
 * user. From anyone but agent-service a message may only start a new execution (no {@code executionId}: it
 * cannot run or resume someone else's) of a workflow {@code agent.external-starts} allows that publisher;
 * anything else is refused (dead-lettered, counted). A new execution asked for here (agent-service's own
 * starts carry an id and were audited at the REST edge) is audited with its publisher.
 */
@ApplicationScoped
public class WorkflowExecuteConsumer {

  private final InboundMessages inbound;
  private final RunExecution runExecution;
  private final AuditTrail audit;
  private final TrustedPublishers publishers;
  private final ExternalStarts externalStarts;

  WorkflowExecuteConsumer(InboundMessages inbound, RunExecution runExecution, AuditTrail audit,
      TrustedPublishers publishers, AgentConfig config) {
    this.inbound = inbound;
    this.runExecution = runExecution;
    this.audit = audit;
    this.publishers = publishers;
    this.externalStarts = new ExternalStarts(config.externalStarts().orElse(List.of()));
  }

  @Incoming("workflow-execute")
  public Uni<Void> consume(Message<byte[]> message) {
    String publisher = InboundMessages.publisher(message).orElse(null);
    return inbound.handle(message, MessageType.WORKFLOW_EXECUTE, envelope -> {
      if (!publishers.is(MessageType.AGENT, publisher)) {
        refuseUnlessAllowed(publisher, envelope.payload());
      }
      if (envelope.payload().executionId() == null) {
        audited(message, envelope, publisher);
      }
      return runExecution.run(envelope);
    });
  }

  private void refuseUnlessAllowed(String publisher, WorkflowExecute request) {
    String who = publisher == null ? "a publisher without user_id" : publisher;
    if (request.executionId() != null) {
      throw new RefusedMessage(who + " may not run execution " + request.executionId() + ": only agent-service does");
    }
    if (publisher == null || !externalStarts.allows(publisher, request.workflowId())) {
      throw new RefusedMessage(who + " may not start workflow " + request.workflowId() + " (agent.external-starts)");
    }
  }

  private void audited(Message<byte[]> message, Envelope<WorkflowExecute> envelope, String publisher) {
    var metadata = message.getMetadata(IncomingRabbitMQMetadata.class);
    String app = metadata.flatMap(IncomingRabbitMQMetadata::getAppId).orElse("-");
    audit.recordDone(publisher == null ? "unknown publisher" : publisher, "start-execution", "/workflows/" + envelope.payload().workflowId(),
        AuditEvent.Outcome.SUCCESS, envelope.correlationId(),
        Map.of("via", "workflow.execute", "messageId", envelope.messageId().toString(), "appId", app));
  }
}
