package dev.strata.warehouse.adapter.in.messaging;

import dev.strata.kernel.messaging.MessageType;
import dev.strata.support.messaging.InboundMessages;
import dev.strata.warehouse.application.RecordDatasetIngestion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** {@code dataset.ingested}: ledger + promotion; acked once both committed. */
@ApplicationScoped
public class DatasetIngestedConsumer {

  private final InboundMessages inbound;
  private final RecordDatasetIngestion useCase;

  DatasetIngestedConsumer(InboundMessages inbound, RecordDatasetIngestion useCase) {
    this.inbound = inbound;
    this.useCase = useCase;
  }

  @Incoming("dataset-ingested")
  public Uni<Void> consume(Message<byte[]> message) {
    return inbound.handle(message, MessageType.DATASET_INGESTED, useCase::run);
  }
}
