package dev.strata.e2e;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * An event producer as the AsyncAPI document describes one: a plain AMQP client that publishes
 * persistent JSON envelopes to the {@code strata} exchange (routing key = queue name) with publisher
 * confirms, naming its broker user ({@code user_id}).
 */
public final class EventProducer implements AutoCloseable {

  private final EnvelopeCodec codec = new EnvelopeCodec();
  private final Connection connection;
  private final Channel channel;
  private final String username;

  public EventProducer(String host, int port, String vhost, String username, String password) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(host);
    factory.setPort(port);
    factory.setVirtualHost(vhost);
    factory.setUsername(username);
    this.username = username;
    factory.setPassword(password);
    try {
      connection = factory.newConnection("strata-event-producer");
      channel = connection.createChannel();
      channel.confirmSelect();
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("RabbitMQ at " + host + ":" + port + " is not reachable", e);
    }
  }

  /** Publishes one message and waits for the broker's confirm. */
  public <T> Envelope<T> publish(MessageType<T> type, T payload, String correlationId) {
    Envelope<T> envelope = Envelope.of(type, payload, correlationId);
    publishRaw(type.queue(), codec.encode(envelope), envelope.messageId().toString());
    return envelope;
  }

  /** Publishes raw bytes as {@code application/json}, as any producer could (valid or not). */
  public void publishRaw(String queue, byte[] body, String messageId) {
    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
        .contentType("application/json").deliveryMode(2).messageId(messageId).userId(username).build();
    try {
      channel.basicPublish(Queues.EXCHANGE, queue, true, properties, body);
      channel.waitForConfirmsOrDie(Duration.ofSeconds(30).toMillis());
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("publishing to " + queue + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    }
  }

  @Override
  public void close() throws IOException, TimeoutException {
    connection.close();
  }
}
