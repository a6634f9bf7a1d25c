package dev.strata.ingest.adapter;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.support.messaging.RabbitTopology;
import java.util.ArrayList;
import java.util.List;

/**
 * A private, exclusive queue bound to {@code strata} with routing key {@code dataset.ingested}: it
 * receives a copy of every message the relay publishes, whatever else consumes or purges the
 * platform queue meanwhile.
 */
final class DatasetIngestedTap implements AutoCloseable {

  private final Connection connection;
  private final Channel channel;
  private final String queue;
  private final List<Envelope<DatasetIngested>> seen = new ArrayList<>();
  private final EnvelopeCodec codec = new EnvelopeCodec();

  DatasetIngestedTap(RabbitTopology topology) throws Exception {
    connection = topology.connectionFactory().newConnection("ingest-test-tap");
    channel = connection.createChannel();
    queue = channel.queueDeclare().getQueue();
    channel.queueBind(queue, Queues.EXCHANGE, Queues.DATASET_INGESTED);
  }

  /** Every message received so far, in order. */
  synchronized List<Envelope<DatasetIngested>> messages() throws Exception {
    GetResponse response;
    while ((response = channel.basicGet(queue, true)) != null) {
      seen.add(codec.decode(response.getBody(), MessageType.DATASET_INGESTED));
    }
    return List.copyOf(seen);
  }

  List<DatasetIngested> ofRun(String runId) throws Exception {
    return messages().stream().map(Envelope::payload).filter(payload -> payload.runId().equals(runId)).toList();
  }

  @Override
  public void close() throws Exception {
    connection.close();
  }
}
