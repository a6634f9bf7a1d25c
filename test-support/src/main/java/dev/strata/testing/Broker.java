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
  private final String user;

  private Broker(Connection connection, String user) throws IOException {
    this.connection = connection;
    this.user = user;
    this.channel = connection.createChannel();
  }

  public static Broker connect(Map<String, String> config) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(config.getOrDefault("rabbitmq-host", "127.0.0.1"));
    factory.setPort(Integer.parseInt(config.getOrDefault("rabbitmq-port", "5672")));
    factory.setUsername(config.getOrDefault("rabbitmq-username", System.getenv().getOrDefault("RABBITMQ_USERNAME", "strata")));
    factory.setPassword(config.getOrDefault("rabbitmq-password", System.getenv().getOrDefault("RABBITMQ_PASSWORD", "strata")));
    factory.setVirtualHost(config.getOrDefault("rabbitmq-virtual-host", TEST_VHOST));
    try {
      return new Broker(factory.newConnection("strata-test"), factory.getUsername());
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("RabbitMQ (vhost " + factory.getVirtualHost() + ") not reachable: run bin/infra up", e);
    }
  }

  /**
   * A connection as another of the local broker's users ({@code bin/infra up} makes one per service and
   * {@code strata-producer}, with the local password), on the test vhost.
   */
  public static Broker connectAs(String user) {
    return connect(Map.of("rabbitmq-username", user,
        "rabbitmq-password", System.getenv().getOrDefault("RABBITMQ_PASSWORD", "strata")));
  }

  /**
   * Publishes through {@code exchange} ({@code strata}, as producers do, or {@code ""}, the default one), on a
   * channel of its own, and waits for the broker's confirm: a refusal (a routing key this user may not publish, a {@code user_id} not its own) is
   * thrown, as the closed channel's {@link com.rabbitmq.client.ShutdownSignalException} or an IOException.
   *
   * @param userId the {@code user_id} property, or null for none
   */
  public void publishConfirmed(String exchange, String routingKey, byte[] body, String userId) throws IOException, TimeoutException, InterruptedException {
    Channel publishing = connection.createChannel();
    try {
      publishing.confirmSelect();
      var properties = new com.rabbitmq.client.AMQP.BasicProperties.Builder()
          .contentType("application/json").messageId(java.util.UUID.randomUUID().toString()).deliveryMode(2).userId(userId).build();
      publishing.basicPublish(exchange, routingKey, properties, body);
      publishing.waitForConfirmsOrDie(5_000);
    } finally {
      if (publishing.isOpen()) { // the broker closes the channel of a refused publish itself
        publishing.close();
      }
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

  /**
   * Publishes raw bytes through the default exchange, routing key = queue name, as this connection's user
   * ({@code user_id}), which the services trust in %test as any of them.
   */
  public void publishToDefaultExchange(String queue, byte[] body, String contentType, String messageId) throws IOException {
    var properties = new com.rabbitmq.client.AMQP.BasicProperties.Builder()
        .contentType(contentType).messageId(messageId).deliveryMode(2).userId(user).build();
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
