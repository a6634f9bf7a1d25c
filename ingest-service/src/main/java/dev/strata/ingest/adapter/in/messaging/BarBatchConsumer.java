package dev.strata.ingest.adapter.in.messaging;

import dev.strata.ingest.adapter.in.payload.BarBatchEnvelopes;
import dev.strata.ingest.application.IngestBars;
import dev.strata.ingest.application.IngestBarsCommand;
import dev.strata.ingest.application.WaitForRunningJob;
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
 *
 * <p>A batch is decoded in one streaming pass ({@link BarBatchEnvelopes}) instead of the shared
 * codec's tree-then-records decoding, which read 100 k bars twice; acking, nacking, counting and
 * dead-lettering stay {@link InboundMessages}'s, as on every other queue.
 */
@ApplicationScoped
public class BarBatchConsumer {

  private final InboundMessages inbound;
  private final IngestBars ingestBars;
  private final WaitForRunningJob waitForRunningJob;

  BarBatchConsumer(InboundMessages inbound, IngestBars ingestBars, WaitForRunningJob waitForRunningJob) {
    this.inbound = inbound;
    this.ingestBars = ingestBars;
    this.waitForRunningJob = waitForRunningJob;
  }

  @Incoming("bars")
  public Uni<Void> consume(Message<byte[]> message) {
    return inbound.handle(message, MessageType.BAR_BATCH, BarBatchEnvelopes::decode, this::ingest);
  }

  private Uni<Void> ingest(Envelope<BarBatch> envelope) {
    BarBatch batch = envelope.payload();
    String jobId = batch.jobId() != null ? batch.jobId() : envelope.messageId().toString();
    var command = new IngestBarsCommand(batch.symbol(), batch.frame(), batch.bars(), jobId,
        ValidationMode.DROP_BAD_ROWS, false, "producer");
    // a job another attempt holds is waited for (it completes, or its claim lapses), not nacked into the DLQ
    return waitForRunningJob.run(jobId, () -> ingestBars.run(command)).replaceWithVoid();
  }
}
