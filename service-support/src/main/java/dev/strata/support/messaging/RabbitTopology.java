package dev.strata.support.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.strata.kernel.messaging.Queues;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Declares the platform's RabbitMQ topology (ARCHITECTURE.md) before any channel connects: the
 * {@code strata} topic exchange, queues as durable quorum queues bound by their own name, with
 * a delivery limit and a quorum dead-letter queue {@code <queue>.dlq} behind {@code strata.dlx}, and the
 * fanout exchange {@code strata.tokens} that takes the broadcast routing keys ({@code Queues.BROADCASTS}).
 *
 * <p>A service declares the queues it consumes and those it publishes to ({@code strata.messaging.queues},
 * all of them by default), so it never publishes into a queue that does not exist yet, whichever service
 * starts first. No more: creating a queue with a dead-letter exchange takes the broker's read permission
 * on it, and a service's broker user may read only those queues (README "Security", broker users).
 * Declaring is idempotent; the connector itself declares nothing.
 */
@ApplicationScoped
public class RabbitTopology {

  private static final Logger LOG = Logger.getLogger(RabbitTopology.class);
  private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(30);

  @ConfigProperty(name = "rabbitmq-host", defaultValue = "localhost")
  String host;

  @ConfigProperty(name = "rabbitmq-port", defaultValue = "5672")
  int port;

  @ConfigProperty(name = "rabbitmq-username", defaultValue = "guest")
  String username;

  @ConfigProperty(name = "rabbitmq-password", defaultValue = "guest")
  String password;

  @ConfigProperty(name = "rabbitmq-virtual-host", defaultValue = "/")
  String virtualHost;

  @ConfigProperty(name = "strata.messaging.queues")
  Optional<List<String>> queues;

  // Reactive messaging wires its channels on this same event (default priority): go first.
  void declareBeforeChannelsConnect(
      @Observes @Initialized(ApplicationScoped.class) @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          Object event) {
    long deadline = System.nanoTime() + STARTUP_PATIENCE.toNanos();
    while (true) {
      try {
        declareAll();
        return;
      } catch (IOException | TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "RabbitMQ at " + host + ":" + port + " is unreachable; start it (bin/infra up) and retry", e);
        }
        LOG.warnf("RabbitMQ at %s:%d not reachable yet (%s); retrying", host, port, e.getMessage());
        sleep();
      }
    }
  }

  /** Declares the exchanges, this service's queues and their dead-letter queues. */
  public void declareAll() throws IOException, TimeoutException {
    try (Connection connection = connectionFactory().newConnection("strata-topology");
        Channel channel = connection.createChannel()) {
      channel.exchangeDeclare(Queues.EXCHANGE, BuiltinExchangeType.TOPIC, true);
      channel.exchangeDeclare(Queues.DEAD_LETTER_EXCHANGE, BuiltinExchangeType.DIRECT, true);
      // broadcasts: from the topic exchange to a fanout that copies them to every instance's own queue
      channel.exchangeDeclare(Queues.TOKEN_BROADCAST_EXCHANGE, BuiltinExchangeType.FANOUT, true);
      for (String routingKey : Queues.BROADCASTS) {
        channel.exchangeBind(Queues.TOKEN_BROADCAST_EXCHANGE, Queues.EXCHANGE, routingKey);
      }
      for (String queue : queues.orElse(Queues.ALL)) {
        if (!Queues.ALL.contains(queue)) {
          throw new IllegalArgumentException("strata.messaging.queues: " + queue + " is not one of " + Queues.ALL);
        }
        declare(channel, queue);
      }
    }
  }

  private static void declare(Channel channel, String queue) throws IOException {
    String deadLetters = Queues.deadLetterQueue(queue);
    channel.queueDeclare(deadLetters, true, false, false, Map.of("x-queue-type", "quorum"));
    channel.queueBind(deadLetters, Queues.DEAD_LETTER_EXCHANGE, deadLetters);
    channel.queueDeclare(queue, true, false, false, Map.of(
        "x-queue-type", "quorum",
        "x-delivery-limit", Queues.DELIVERY_LIMIT,
        "x-dead-letter-exchange", Queues.DEAD_LETTER_EXCHANGE,
        "x-dead-letter-routing-key", deadLetters));
    channel.queueBind(queue, Queues.EXCHANGE, queue);
  }

  /** A factory for the broker the channels use, for code that needs a plain AMQP connection. */
  public ConnectionFactory connectionFactory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(host);
    factory.setPort(port);
    factory.setUsername(username);
    factory.setPassword(password);
    factory.setVirtualHost(virtualHost);
    factory.setConnectionTimeout(5_000);
    return factory;
  }

  private static void sleep() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for RabbitMQ", e);
    }
  }
}
