package dev.strata.ingest.adapter.in.messaging;

import dev.strata.ingest.application.ReleaseAbandonedJob;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import dev.strata.ingest.application.IngestBars;
import dev.strata.ingest.application.IngestBarsCommand;
import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.BarBatch;
import dev.strata.support.messaging.InboundMessages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code ingest.bars}: a producer cannot be answered, so bad rows are dropped and recorded on the
 * job (GET /jobs/{id}) rather than failing the message; a batch with a bad symbol or frame keeps
 * failing and is dead-lettered. Without a job id the message id is used, so a redelivery is idempotent.
 */
@ApplicationScoped
public class BarBatchConsumer {

  private final InboundMessages inbound;
  private final IngestBars ingestBars;
  private final ReleaseAbandonedJob releaseAbandoned;

  BarBatchConsumer(InboundMessages inbound, IngestBars ingestBars, ReleaseAbandonedJob releaseAbandoned) {
    this.inbound = inbound;
    this.ingestBars = ingestBars;
    this.releaseAbandoned = releaseAbandoned;
  }

  @Incoming("bars")
  public Uni<Void> consume(Message<byte[]> message) {
    boolean redelivered = message.getMetadata(IncomingRabbitMQMetadata.class).map(IncomingRabbitMQMetadata::isRedeliver).orElse(false);
    return inbound.handle(message, MessageType.BAR_BATCH, envelope -> ingest(envelope, redelivered));
  }

  private Uni<Void> ingest(Envelope<BarBatch> envelope, boolean redelivered) {
    BarBatch batch = envelope.payload();
    String jobId = batch.jobId() != null ? batch.jobId() : envelope.messageId().toString();
    var command = new IngestBarsCommand(batch.symbol(), batch.frame(), batch.bars(), jobId,
        ValidationMode.DROP_BAD_ROWS, false, "producer");
    // a job still IN_PROGRESS on a redelivery was left by a consumer that stopped mid-way
    return releaseAbandoned.runTakingOver(jobId, redelivered, () -> ingestBars.run(command)).replaceWithVoid();
  }
}
