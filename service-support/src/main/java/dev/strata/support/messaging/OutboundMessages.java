package dev.strata.support.messaging;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes envelopes as persistent JSON messages routed by queue name, completing once the broker
 * confirmed them (channels run with {@code publish-confirms=true}). Each names this service's broker user
 * as its {@code user_id}, which the broker checks against the connection's user, so consumers know who
 * published it ({@link InboundMessages}).
 */
@ApplicationScoped
public class OutboundMessages {

  private static final EnvelopeCodec CODEC = new EnvelopeCodec();

  private final String brokerUser;

  OutboundMessages(@ConfigProperty(name = "rabbitmq-username") String brokerUser) {
    this.brokerUser = brokerUser;
  }

  /** Sends an envelope as part of the current trace. */
  public <T> CompletionStage<Void> send(Emitter<byte[]> emitter, MessageType<T> type, Envelope<T> envelope) {
    return send(emitter, CODEC.encode(envelope), envelope.messageId().toString(), envelope.correlationId(), type,
        io.opentelemetry.context.Context.current());
  }

  /**
   * Sends an already encoded envelope (as an outbox stores it) as part of {@code trace}: the connector
   * writes its {@code traceparent} header from there, since the message is handed over on a context of
   * its own, which holds no trace.
   */
  public CompletionStage<Void> send(Emitter<byte[]> emitter, byte[] body, String messageId, String correlationId,
      MessageType<?> type, io.opentelemetry.context.Context trace) {
    OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
        .withMessageId(messageId)
        .withCorrelationId(correlationId)
        .withType(type.name())
        .withContentType("application/json")
        .withRoutingKey(type.queue())
        .withDeliveryMode(2)
        .withUserId(brokerUser)
        .build();
    var done = new CompletableFuture<Void>();
    Message<byte[]> message = Message.of(body, Metadata.of(metadata, TracingMetadata.withCurrent(trace)))
        .withAck(() -> {
          done.complete(null);
          return done;
        })
        .withNack(failure -> {
          done.completeExceptionally(failure);
          return done;
        });
    onItsOwnContext(() -> emitter.send(message), done);
    return done;
  }

  /**
   * The connector handles a message with the CDI request context cleared: it swaps a blank request
   * state into the current Vert.x duplicated context and, when done, destroys whatever state that
   * context then holds. Sent on an HTTP request's duplicated context, that could be the request's own
   * state, put back at that moment by the thread writing its response — which then failed with
   * ContextNotActiveException (an intermittent 500 seen in ingest). A message is work of its own, so it
   * is handed to the connector on a new duplicated context that shares no state with its caller.
   */
  private static void onItsOwnContext(Runnable send, CompletableFuture<Void> done) {
    Context caller = Vertx.currentContext();
    if (caller == null) {
      sendOrFail(send, done);
      return;
    }
    VertxContext.createNewDuplicatedContext(VertxContext.getRootContext(caller))
        .runOnContext(ignored -> sendOrFail(send, done));
  }

  private static void sendOrFail(Runnable send, CompletableFuture<Void> done) {
    try {
      send.run();
    } catch (RuntimeException refused) { // a full buffer, a channel already closed
      done.completeExceptionally(refused);
    }
  }
}
