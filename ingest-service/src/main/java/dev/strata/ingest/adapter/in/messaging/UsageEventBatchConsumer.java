package dev.strata.ingest.adapter.in.messaging;

import dev.strata.ingest.application.WaitForRunningJob;
import dev.strata.ingest.application.IngestUsage;
import dev.strata.ingest.application.IngestUsageCommand;
import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.UsageEventBatch;
import dev.strata.support.messaging.InboundMessages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** {@code ingest.usage}: as {@link BarBatchConsumer}, bad events are dropped and recorded on the job. */
@ApplicationScoped
public class UsageEventBatchConsumer {

  private final InboundMessages inbound;
  private final IngestUsage ingestUsage;
  private final WaitForRunningJob waitForRunningJob;

  UsageEventBatchConsumer(InboundMessages inbound, IngestUsage ingestUsage, WaitForRunningJob waitForRunningJob) {
    this.inbound = inbound;
    this.ingestUsage = ingestUsage;
    this.waitForRunningJob = waitForRunningJob;
  }

  @Incoming("usage")
  public Uni<Void> consume(Message<byte[]> message) {
    return inbound.handle(message, MessageType.USAGE_EVENT_BATCH, this::ingest);
  }

  private Uni<Void> ingest(Envelope<UsageEventBatch> envelope) {
    UsageEventBatch batch = envelope.payload();
    String jobId = batch.jobId() != null ? batch.jobId() : envelope.messageId().toString();
    var command = new IngestUsageCommand(batch.events(), jobId, ValidationMode.DROP_BAD_ROWS, false);
    // a job another attempt holds is waited for (it completes, or its claim lapses), not nacked into the DLQ
    return waitForRunningJob.run(jobId, () -> ingestUsage.run(command)).replaceWithVoid();
  }
}
