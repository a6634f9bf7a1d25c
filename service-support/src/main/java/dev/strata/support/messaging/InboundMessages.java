package dev.strata.support.messaging;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.UndecodableMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The one way a consumer handles a delivery: decode the envelope, run the work, ack only once the
 * work's {@code Uni} completed (its commit), nack otherwise. A nack requeues; the quorum queue's
 * delivery limit then dead-letters a message that keeps failing, and the last attempt is counted
 * in {@code strata.messages.dead.lettered}.
 *
 * <p>A message larger than {@code strata.messaging.max-message-size} is not decoded: it goes straight to
 * the dead-letter queue (a nack without requeue, which the queue's dead-letter exchange takes), counted
 * with reason {@code oversized}, since it would be as large at every delivery.
 *
 * <p>A message whose type names its publishers ({@link MessageType#publishers()}) is taken only from
 * them: RabbitMQ checks a message's {@code user_id} against the user of the connection that published
 * it, so that property names the publisher, and a message without it, or from anyone else, is
 * dead-lettered at once, undecoded, counted with reason {@code untrusted-publisher} ({@link TrustedPublishers}).
 * A consumer refuses a message itself by failing its work with {@link RefusedMessage}: dead-lettered
 * at once, reason {@code refused}.
 *
 * <p>At shutdown it drains before the service's pools close: deliveries already being handled finish
 * and are settled, for at most {@code strata.messaging.drain-timeout}, and later ones are left alone
 * (neither run nor settled) for the broker to hand out again when this replica's channels close.
 * Without that, each delivery in progress failed on a closed pool and was nacked, and some came
 * straight back to the stopping replica and failed again: two of a message's six deliveries spent
 * on one rolling restart.
 */
@ApplicationScoped
public class InboundMessages {

  private static final Logger LOG = Logger.getLogger(InboundMessages.class);

  /** Why a delivery is rejected or dead-lettered: the {@code reason} tag of the counters. */
  static final List<String> REASONS = List.of("failed", "undecodable", "refused", "oversized", "untrusted-publisher");

  private final EnvelopeCodec codec = new EnvelopeCodec();
  private final MeterRegistry meters;
  private final Duration drainTimeout;
  private final long maxMessageSize;
  private final TrustedPublishers publishers;
  private final Tracer tracer;
  private final AtomicInteger inProgress = new AtomicInteger();
  private volatile boolean draining;

  InboundMessages(MeterRegistry meters, TrustedPublishers publishers, Tracer tracer,
      @ConfigProperty(name = "strata.messaging.drain-timeout", defaultValue = "10s") Duration drainTimeout,
      @ConfigProperty(name = "strata.messaging.max-message-size", defaultValue = "16M") MemorySize maxMessageSize) {
    this.meters = meters;
    this.publishers = publishers;
    this.tracer = tracer;
    this.drainTimeout = drainTimeout;
    this.maxMessageSize = maxMessageSize.asLongValue();
  }

  public <T> Uni<Void> handle(
      Message<byte[]> message, MessageType<T> type, Function<Envelope<T>, Uni<Void>> work) {
    return handle(message, type, payload -> codec.decode(payload, type), work);
  }

  /**
   * As {@link #handle(Message, MessageType, Function)}, with a decoder of the queue's own (one that
   * refuses what the shared codec refuses with {@link UndecodableMessage}, e.g. a streaming one for
   * large batches).
   */
  public <T> Uni<Void> handle(Message<byte[]> message, MessageType<T> type, Function<byte[], Envelope<T>> decoder,
      Function<Envelope<T>, Uni<Void>> work) {
    return Uni.createFrom().deferred(() -> {
      // counted before the check: the drain either sees this delivery in progress or this sees the drain
      inProgress.incrementAndGet();
      if (draining) {
        inProgress.decrementAndGet();
        return Uni.createFrom().nothing();
      }
      return traced(message, type.queue(), () -> settle(message, type, decoder, work))
          .onTermination().invoke(inProgress::decrementAndGet);
    });
  }

  /**
   * Called at shutdown, while the pools are still open: takes no new delivery and waits until the
   * ones in progress are settled, or the drain timeout passed.
   */
  void drain(@Observes ShutdownEvent shutdown) {
    draining = true;
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    while (inProgress.get() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    if (inProgress.get() > 0) {
      LOG.warnf("%d deliveries still in progress after %s at shutdown; the broker will hand them out again",
          inProgress.get(), drainTimeout);
    }
  }

  private <T> Uni<Void> settle(Message<byte[]> message, MessageType<T> type, Function<byte[], Envelope<T>> decoder,
      Function<Envelope<T>, Uni<Void>> work) {
    int size = message.getPayload().length;
    if (size > maxMessageSize) {
      return deadLetter(message, type.queue(), "oversized",
          new IllegalArgumentException(size + " bytes, over the " + maxMessageSize + "-byte limit"));
    }
    var refusal = publishers.refusal(type, publisher(message).orElse(null));
    if (refusal.isPresent()) {
      return deadLetter(message, type.queue(), "untrusted-publisher", new SecurityException(refusal.get()));
    }
    Envelope<T> envelope;
    try {
      envelope = decoder.apply(message.getPayload());
    } catch (UndecodableMessage e) {
      return reject(message, type.queue(), "undecodable", e);
    }
    return Uni.createFrom().deferred(() -> work.apply(envelope))
        .onItem().transformToUni(done -> {
          meters.counter("strata.messages.processed", "queue", type.queue()).increment();
          return Uni.createFrom().completionStage(message.ack());
        })
        .onFailure(RefusedMessage.class).recoverWithUni(refused -> deadLetter(message, type.queue(), "refused", refused))
        .onFailure().recoverWithUni(failure -> reject(message, type.queue(), "failed", failure));
  }

  /**
   * Handles the delivery in a span of its own, a child of the delivery's span (which continues the
   * publisher's trace), current on the delivery's own Vert.x context until it is settled: the statements,
   * requests and messages of the work, and the log lines of the work and of a rejection, then belong to the
   * trace that published the message.
   */
  private Uni<Void> traced(Message<byte[]> message, String queue, Supplier<Uni<? extends Void>> handling) {
    Context delivery = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext).orElseGet(Context::current);
    Span span = tracer.spanBuilder(queue + " process").setParent(delivery).setSpanKind(SpanKind.CONSUMER)
        .setAttribute("messaging.system", "rabbitmq")
        .setAttribute("messaging.destination.name", queue)
        .setAttribute("messaging.operation.type", "process")
        .startSpan();
    Scope scope = span.storeInContext(delivery).makeCurrent();
    return Uni.createFrom().deferred(handling)
        .onFailure().invoke(failure -> failed(span, failure))
        .onTermination().invoke(() -> {
          scope.close();
          span.end();
        });
  }

  private static void failed(Span span, Throwable failure) {
    span.recordException(failure).setStatus(StatusCode.ERROR);
  }

  private Uni<Void> reject(Message<byte[]> message, String queue, String reason, Throwable failure) {
    failed(Span.current(), failure);
    meters.counter("strata.messages.rejected", "queue", queue, "reason", reason).increment();
    int previousDeliveries = previousDeliveries(message);
    if (previousDeliveries >= Queues.DELIVERY_LIMIT) {
      meters.counter("strata.messages.dead.lettered", "queue", queue, "reason", reason).increment();
      LOG.errorf("message on %s dead-lettered after %d deliveries: %s", queue, previousDeliveries + 1, failure.getMessage());
    } else {
      LOG.warnf("message on %s %s (delivery %d of %d): %s",
          queue, reason, previousDeliveries + 1, Queues.DELIVERY_LIMIT + 1, failure.getMessage());
    }
    return Uni.createFrom().completionStage(message.nack(failure));
  }

  /** Sends the message to its dead-letter queue now: the broker dead-letters a message rejected without requeue. */
  private Uni<Void> deadLetter(Message<byte[]> message, String queue, String reason, Throwable failure) {
    failed(Span.current(), failure);
    meters.counter("strata.messages.rejected", "queue", queue, "reason", reason).increment();
    meters.counter("strata.messages.dead.lettered", "queue", queue, "reason", reason).increment();
    LOG.errorf("message on %s dead-lettered (%s): %s", queue, reason, failure.getMessage());
    return Uni.createFrom().completionStage(message.nack(failure, Metadata.of(new RabbitMQRejectMetadata(false))));
  }

  /** Who published the message, as the broker vouched for it ({@code user_id}); empty when the publisher did not say. */
  public static Optional<String> publisher(Message<?> message) {
    return message.getMetadata(IncomingRabbitMQMetadata.class).flatMap(IncomingRabbitMQMetadata::getUserId);
  }

  /** How often the broker already handed this message out ({@code x-delivery-count}). */
  private static int previousDeliveries(Message<?> message) {
    return message.getMetadata(IncomingRabbitMQMetadata.class)
        .flatMap(metadata -> metadata.getHeader("x-delivery-count", Object.class))
        .map(count -> Integer.parseInt(count.toString()))
        .orElse(0);
  }
}
