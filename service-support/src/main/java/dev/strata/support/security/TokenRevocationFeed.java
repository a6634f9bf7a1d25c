package dev.strata.support.security;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.TokenRevocations;
import dev.strata.support.messaging.RabbitTopology;
import dev.strata.support.messaging.TrustedPublishers;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Feeds {@link TokenRevocationList} from the broadcast {@code token.revocations}: this instance's own
 * server-named, exclusive, auto-delete queue on the fanout exchange {@code strata.tokens}, so every
 * instance of every service sees every revocation. The queue lives as long as the connection; the
 * client's automatic recovery declares a new one, binds and consumes it again after a broker outage,
 * and agent-service repeats the recent revocations on a schedule, so what was missed meanwhile arrives.
 *
 * <p>Not a durable queue handled by {@code InboundMessages}: nothing here needs a retry or a DLQ (a
 * lost copy comes again with the next repetition), and a queue per instance must go with the instance.
 */
@ApplicationScoped
public class TokenRevocationFeed {

  private static final Logger LOG = Logger.getLogger(TokenRevocationFeed.class);

  private final RabbitTopology topology;
  private final TokenRevocationList revocations;
  private final TrustedPublishers publishers;
  private final EnvelopeCodec codec = new EnvelopeCodec();
  private volatile Connection connection;

  TokenRevocationFeed(RabbitTopology topology, TokenRevocationList revocations, TrustedPublishers publishers) {
    this.topology = topology;
    this.revocations = revocations;
    this.publishers = publishers;
  }

  // after RabbitTopology (PLATFORM_BEFORE on the same event) declared the exchanges
  void subscribe(@Observes @Initialized(ApplicationScoped.class) Object event) throws IOException, TimeoutException {
    var factory = topology.connectionFactory();
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    connection = factory.newConnection("strata-token-revocations");
    Channel channel = connection.createChannel();
    String queue = channel.queueDeclare().getQueue();
    channel.queueBind(queue, Queues.TOKEN_BROADCAST_EXCHANGE, "");
    channel.basicConsume(queue, true, receive(), consumerTag -> { });
  }

  void close(@Observes ShutdownEvent shutdown) {
    Connection open = connection;
    if (open != null && open.isOpen()) {
      try {
        open.close();
      } catch (IOException | RuntimeException e) {
        LOG.debugf("closing the token revocation feed: %s", e.getMessage());
      }
    }
  }

  private DeliverCallback receive() {
    return (consumerTag, delivery) -> {
      var refusal = publishers.refusal(MessageType.TOKEN_REVOCATIONS, delivery.getProperties().getUserId());
      if (refusal.isPresent()) { // only agent-service takes tokens back; anyone else would lock users out
        LOG.warnf("ignored a token revocation message: %s", refusal.get());
        return;
      }
      try {
        TokenRevocations message = codec.decode(delivery.getBody(), MessageType.TOKEN_REVOCATIONS).payload();
        message.revocations().forEach(revocations::apply);
      } catch (RuntimeException e) { // UndecodableMessage among others: a bad message must not stop the feed
        LOG.warnf("ignored an undecodable token revocation message: %s", e.getMessage());
      }
    };
  }
}
