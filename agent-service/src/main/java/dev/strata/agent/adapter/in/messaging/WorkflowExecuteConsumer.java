package dev.strata.agent.adapter.in.messaging;

import dev.strata.agent.application.RunExecution;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import dev.strata.support.messaging.AuditTrail;
import dev.strata.support.messaging.InboundMessages;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * {@code workflow.execute} → the runner; acked once the execution stopped (finished, failed or handed over).
 * A message that asks for a new execution (no {@code executionId}) came from a producer outside
 * agent-service (its own starts carry one and were audited at the REST edge): its start is audited
 * with the publisher's broker user, which RabbitMQ vouches for when a publisher sets {@code user_id}.
 */
@ApplicationScoped
public class WorkflowExecuteConsumer {

  private static final Logger LOG = Logger.getLogger(WorkflowExecuteConsumer.class);

  private final InboundMessages inbound;
  private final RunExecution runExecution;
  private final AuditTrail audit;

  WorkflowExecuteConsumer(InboundMessages inbound, RunExecution runExecution, AuditTrail audit) {
    this.inbound = inbound;
    this.runExecution = runExecution;
    this.audit = audit;
  }

  @Incoming("workflow-execute")
  public Uni<Void> consume(Message<byte[]> message) {
    return inbound.handle(message, MessageType.WORKFLOW_EXECUTE, envelope -> {
      if (envelope.payload().executionId() == null) {
        audited(message, envelope);
      }
      return runExecution.run(envelope);
    });
  }

  private void audited(Message<byte[]> message, Envelope<WorkflowExecute> envelope) {
    var metadata = message.getMetadata(IncomingRabbitMQMetadata.class);
    String publisher = metadata.flatMap(IncomingRabbitMQMetadata::getUserId).orElse("unknown publisher");
    String app = metadata.flatMap(IncomingRabbitMQMetadata::getAppId).orElse("-");
    audit.record(publisher, "start-execution", "/workflows/" + envelope.payload().workflowId(), AuditEvent.Outcome.SUCCESS,
        envelope.correlationId(), Map.of("via", "workflow.execute", "messageId", envelope.messageId().toString(), "appId", app))
        .exceptionally(failure -> {
          LOG.warnf("could not publish the audit of a start from workflow.execute: %s", failure.getMessage());
          return null;
        });
  }
}
