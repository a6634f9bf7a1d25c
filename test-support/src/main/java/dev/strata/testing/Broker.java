package dev.strata.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.strata.kernel.messaging.Queues;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** A plain AMQP client on the test broker, as an event producer would use it. */
public final class Broker implements AutoCloseable {

  /**
   * The vhost the integration tests run on (made by {@code bin/infra up}, or the container's default),
   * so a test run neither takes nor purges the messages of a platform running beside it on {@code /}.
   */
  public static final String TEST_VHOST = "strata-test";

  private final Connection connection;
  private final Channel channel;

  private Broker(Connection connection) throws IOException {
    this.connection = connection;
    this.channel = connection.createChannel();
  }

  public static Broker connect(Map<String, String> config) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(config.getOrDefault("rabbitmq-host", "127.0.0.1"));
    factory.setPort(Integer.parseInt(config.getOrDefault("rabbitmq-port", "5672")));
    factory.setUsername(config.getOrDefault("rabbitmq-username", System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest")));
    factory.setPassword(config.getOrDefault("rabbitmq-password", System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest")));
    factory.setVirtualHost(config.getOrDefault("rabbitmq-virtual-host", TEST_VHOST));
    try {
      return new Broker(factory.newConnection("strata-test"));
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("RabbitMQ (vhost " + factory.getVirtualHost() + ") not reachable: run bin/infra up", e);
    }
  }

  /** Empties every platform queue and dead-letter queue that exists, so a run starts clean. */
  public void purgeAll() {
    for (String queue : Queues.ALL) {
      purge(queue);
      purge(Queues.deadLetterQueue(queue));
    }
  }

  public void purge(String queue) {
    try (Channel scratch = connection.createChannel()) {
      scratch.queuePurge(queue);
    } catch (IOException | TimeoutException e) {
      // a queue that does not exist yet is already empty
    }
  }

  /** Publishes raw bytes through the default exchange, routing key = queue name. */
  public void publishToDefaultExchange(String queue, byte[] body, String contentType, String messageId) throws IOException {
    var properties = new com.rabbitmq.client.AMQP.BasicProperties.Builder()
        .contentType(contentType).messageId(messageId).deliveryMode(2).build();
    channel.basicPublish("", queue, properties, body);
  }

  public long depth(String queue) throws IOException {
    return channel.queueDeclarePassive(queue).getMessageCount();
  }

  /** Takes one message off {@code queue}, or null when it is empty. */
  public GetResponse take(String queue) throws IOException {
    return channel.basicGet(queue, true);
  }

  @Override
  public void close() throws IOException, TimeoutException {
    connection.close();
  }
}
