package dev.strata.agent.adapter.in.messaging;

import dev.strata.agent.application.RunExecution;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.support.messaging.InboundMessages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** {@code workflow.execute} → the runner; acked once the execution stopped (finished, failed or handed over). */
@ApplicationScoped
public class WorkflowExecuteConsumer {

  private final InboundMessages inbound;
  private final RunExecution runExecution;

  WorkflowExecuteConsumer(InboundMessages inbound, RunExecution runExecution) {
    this.inbound = inbound;
    this.runExecution = runExecution;
  }

  @Incoming("workflow-execute")
  public Uni<Void> consume(Message<byte[]> message) {
    return inbound.handle(message, MessageType.WORKFLOW_EXECUTE, runExecution::run);
  }
}
