package dev.strata.ingest.adapter.in.messaging;

import dev.strata.ingest.application.ReleaseAbandonedJob;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
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
  private final ReleaseAbandonedJob releaseAbandoned;

  UsageEventBatchConsumer(InboundMessages inbound, IngestUsage ingestUsage, ReleaseAbandonedJob releaseAbandoned) {
    this.inbound = inbound;
    this.ingestUsage = ingestUsage;
    this.releaseAbandoned = releaseAbandoned;
  }

  @Incoming("usage")
  public Uni<Void> consume(Message<byte[]> message) {
    boolean redelivered = message.getMetadata(IncomingRabbitMQMetadata.class).map(IncomingRabbitMQMetadata::isRedeliver).orElse(false);
    return inbound.handle(message, MessageType.USAGE_EVENT_BATCH, envelope -> ingest(envelope, redelivered));
  }

  private Uni<Void> ingest(Envelope<UsageEventBatch> envelope, boolean redelivered) {
    UsageEventBatch batch = envelope.payload();
    String jobId = batch.jobId() != null ? batch.jobId() : envelope.messageId().toString();
    var command = new IngestUsageCommand(batch.events(), jobId, ValidationMode.DROP_BAD_ROWS, false);
    // a job still IN_PROGRESS on a redelivery was left by a consumer that stopped mid-way
    return releaseAbandoned.runTakingOver(jobId, redelivered, () -> ingestUsage.run(command)).replaceWithVoid();
  }
}
