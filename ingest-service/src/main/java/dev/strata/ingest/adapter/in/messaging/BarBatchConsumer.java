package dev.strata.ingest.adapter.in.messaging;

import dev.strata.ingest.adapter.in.payload.BarBatchEnvelopes;
import dev.strata.ingest.application.IngestBars;
import dev.strata.ingest.application.IngestBarsCommand;
import dev.strata.ingest.application.WaitForRunningJob;
import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.UndecodableMessage;
import dev.strata.kernel.messaging.contract.BarBatch;
import dev.strata.support.messaging.InboundMessages;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code ingest.bars}: a producer cannot be answered, so bad rows are dropped and recorded on the
 * job (GET /jobs/{id}) rather than failing the message; a batch with a bad symbol or frame keeps
 * failing and is dead-lettered. Without a job id the message id is used, so a redelivery is idempotent.
 *
 * <p>A batch is decoded in one streaming pass ({@link BarBatchEnvelopes}) rather than by the shared
 * {@link InboundMessages}, whose tree-then-records decoding read 100 k bars twice. The shared path
 * still settles every failure: a message that does not decode, or whose work failed, is handed to it
 * (it decodes the message again, which only failures pay) so it is nacked, counted, logged and
 * dead-lettered exactly like any other queue's. Success is acked and counted here, as it does.
 */
@ApplicationScoped
public class BarBatchConsumer {

  private final InboundMessages inbound;
  private final IngestBars ingestBars;
  private final WaitForRunningJob waitForRunningJob;
  private final MeterRegistry meters;

  BarBatchConsumer(InboundMessages inbound, IngestBars ingestBars, WaitForRunningJob waitForRunningJob, MeterRegistry meters) {
    this.inbound = inbound;
    this.ingestBars = ingestBars;
    this.waitForRunningJob = waitForRunningJob;
    this.meters = meters;
  }

  @Incoming("bars")
  public Uni<Void> consume(Message<byte[]> message) {
    Envelope<BarBatch> envelope;
    try {
      envelope = BarBatchEnvelopes.decode(message.getPayload());
    } catch (UndecodableMessage e) {
      return inbound.handle(message, MessageType.BAR_BATCH, this::ingest);
    }
    return Uni.createFrom().deferred(() -> ingest(envelope))
        .onItem().transformToUni(done -> {
          meters.counter("strata.messages.processed", "queue", MessageType.BAR_BATCH.queue()).increment();
          return Uni.createFrom().completionStage(message.ack());
        })
        .onFailure().recoverWithUni(failure ->
            inbound.handle(message, MessageType.BAR_BATCH, decodedAgain -> Uni.createFrom().failure(failure)));
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
