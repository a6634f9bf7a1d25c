package dev.strata.support.messaging;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes envelopes as persistent JSON messages routed by queue name, completing once the broker
 * confirmed them (channels run with {@code publish-confirms=true}).
 */
public final class OutboundMessages {

  private static final EnvelopeCodec CODEC = new EnvelopeCodec();

  private OutboundMessages() {}

  public static <T> CompletionStage<Void> send(Emitter<byte[]> emitter, MessageType<T> type, Envelope<T> envelope) {
    OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
        .withMessageId(envelope.messageId().toString())
        .withCorrelationId(envelope.correlationId())
        .withType(envelope.type())
        .withContentType("application/json")
        .withRoutingKey(type.queue())
        .withDeliveryMode(2)
        .build();
    return send(emitter, CODEC.encode(envelope), metadata);
  }

  /** Sends an already encoded envelope (as an outbox stores it). */
  public static CompletionStage<Void> send(Emitter<byte[]> emitter, byte[] body, OutgoingRabbitMQMetadata metadata) {
    var done = new java.util.concurrent.CompletableFuture<Void>();
    emitter.send(Message.of(body, Metadata.of(metadata))
        .withAck(() -> {
          done.complete(null);
          return done;
        })
        .withNack(failure -> {
          done.completeExceptionally(failure);
          return done;
        }));
    return done;
  }
}
