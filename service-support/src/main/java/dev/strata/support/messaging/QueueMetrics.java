package dev.strata.support.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.strata.kernel.messaging.Queues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The queues this service consumes, as an operator's dashboards and alerts need them: how many messages wait in
 * each and in its dead-letter queue ({@code strata.queue.messages}), how many consumers it has
 * ({@code strata.queue.consumers}), and the consumer's counters ({@link InboundMessages}) present at zero from
 * start-up, so that Prometheus sees a queue's first dead-lettered message as an increase rather than as a new
 * series it cannot take a rate of.
 *
 * <p>The depths are read every {@code strata.metrics.queue-poll} with a passive declare on a connection of its
 * own (a service's broker user may read its own queues), never at scrape time; until the first read, and while
 * the broker is unreachable, a depth is NaN: unknown, not empty.
 */
@ApplicationScoped
public class QueueMetrics {

  private static final Logger LOG = Logger.getLogger(QueueMetrics.class);

  private final MeterRegistry meters;
  private final RabbitTopology topology;
  private final Vertx vertx;
  private final Duration poll;
  private final List<String> consumed;
  private final Map<String, AtomicLong> depths = new LinkedHashMap<>();
  private final Map<String, AtomicLong> consumers = new LinkedHashMap<>();
  private volatile Connection connection;
  private volatile long timer = -1;

  QueueMetrics(MeterRegistry meters, RabbitTopology topology, Vertx vertx, Config config,
      @ConfigProperty(name = "strata.metrics.queue-poll", defaultValue = "10s") Duration poll) {
    this.meters = meters;
    this.topology = topology;
    this.vertx = vertx;
    this.poll = poll;
    this.consumed = consumedQueues(config);
  }

  /** The queues named by this service's incoming channels ({@code mp.messaging.incoming.*.queue.name}). */
  static List<String> consumedQueues(Config config) {
    var queues = new TreeSet<String>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".queue.name")) {
        config.getOptionalValue(name, String.class).filter(Queues.ALL::contains).ifPresent(queues::add);
      }
    }
    return List.copyOf(queues);
  }

  /** The queues this service consumes. */
  public List<String> consumed() {
    return consumed;
  }

  void start(@Observes StartupEvent started) {
    for (String queue : consumed) {
      meters.counter("strata.messages.processed", "queue", queue);
      for (String reason : InboundMessages.REASONS) {
        meters.counter("strata.messages.rejected", "queue", queue, "reason", reason);
        meters.counter("strata.messages.dead.lettered", "queue", queue, "reason", reason);
      }
      register(queue, true);
      register(Queues.deadLetterQueue(queue), false);
    }
    if (!consumed.isEmpty()) {
      timer = vertx.setPeriodic(0, poll.toMillis(), id -> vertx.executeBlocking(() -> {
        read();
        return null;
      }, false));
    }
  }

  private void register(String queue, boolean withConsumers) {
    AtomicLong depth = new AtomicLong(-1);
    depths.put(queue, depth);
    Gauge.builder("strata.queue.messages", depth, QueueMetrics::known)
        .description("Messages ready in the queue (NaN while unknown)").tag("queue", queue)
        .strongReference(true).register(meters);
    if (withConsumers) {
      AtomicLong count = new AtomicLong(-1);
      consumers.put(queue, count);
      Gauge.builder("strata.queue.consumers", count, QueueMetrics::known)
          .description("Consumers attached to the queue, of every replica (NaN while unknown)").tag("queue", queue)
          .strongReference(true).register(meters);
    }
  }

  private static double known(AtomicLong value) {
    long current = value.get();
    return current < 0 ? Double.NaN : current;
  }

  private void read() {
    try {
      Connection current = connection;
      if (current == null || !current.isOpen()) {
        current = topology.connectionFactory().newConnection("strata-queue-metrics");
        connection = current;
      }
      try (Channel channel = current.createChannel()) {
        for (var depth : depths.entrySet()) {
          var declared = channel.queueDeclarePassive(depth.getKey());
          depth.getValue().set(declared.getMessageCount());
          AtomicLong count = consumers.get(depth.getKey());
          if (count != null) {
            count.set(declared.getConsumerCount());
          }
        }
      }
    } catch (IOException | TimeoutException | RuntimeException e) {
      depths.values().forEach(depth -> depth.set(-1));
      consumers.values().forEach(count -> count.set(-1));
      LOG.debugf("queue depths unknown: %s", e.getMessage());
    }
  }

  void stop(@Observes ShutdownEvent stopping) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    Connection current = connection;
    if (current != null && current.isOpen()) {
      try {
        current.close();
      } catch (IOException | RuntimeException e) {
        LOG.debugf("closing the queue metrics connection: %s", e.getMessage());
      }
    }
  }
}
