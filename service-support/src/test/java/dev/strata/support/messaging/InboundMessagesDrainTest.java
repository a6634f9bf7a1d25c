package dev.strata.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.NotificationSend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.TracerProvider;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** The drain at shutdown: deliveries in progress finish and are settled; later ones are left to the broker. */
class InboundMessagesDrainTest {

  /** A message any publisher may send, so these deliveries without broker metadata pass the publisher check. */
  private static final MessageType<NotificationSend> OPEN_TYPE = new MessageType<>(
      "notification-send", Queues.NOTIFICATION_SEND, NotificationSend.class, 1, Set.of());
  private static final Envelope<NotificationSend> ENVELOPE =
      Envelope.of(MessageType.NOTIFICATION_SEND, new NotificationSend("ops", null, "subject", "body", null), "c-1");

  private final InboundMessages inbound = new InboundMessages(new SimpleMeterRegistry(), new TrustedPublishers(Optional.empty()), TracerProvider.noop().get("test"), Duration.ofSeconds(5), new MemorySize(BigInteger.valueOf(1 << 20)));

  /** A delivery whose settlement is recorded: "ack", "nack" or nothing yet. */
  private static final class Delivery {
    final CompletableFuture<String> settled = new CompletableFuture<>();
    final Message<byte[]> message = Message.of(new byte[0],
        () -> {
          settled.complete("ack");
          return CompletableFuture.completedFuture(null);
        },
        failure -> {
          settled.complete("nack");
          return CompletableFuture.completedFuture(null);
        });
  }

  @Test
  void aDeliveryInProgressAtShutdownFinishesAndIsAckedBeforeTheDrainReturns() throws Exception {
    var delivery = new Delivery();
    var work = new CompletableFuture<Void>();
    inbound.handle(delivery.message, OPEN_TYPE, bytes -> ENVELOPE,
        envelope -> Uni.createFrom().completionStage(work)).subscribe().with(done -> {});

    var drained = CompletableFuture.runAsync(() -> inbound.drain(new ShutdownEvent()));
    Thread.sleep(200);
    assertThat(drained).as("the drain waits for the delivery in progress").isNotDone();

    work.complete(null);
    drained.get(5, TimeUnit.SECONDS);
    assertThat(delivery.settled).isCompletedWithValue("ack");
  }

  @Test
  void aDeliveryThatArrivesWhileDrainingIsNeitherRunNorSettled() throws Exception {
    inbound.drain(new ShutdownEvent());
    var delivery = new Delivery();
    var runs = new AtomicInteger();
    inbound.handle(delivery.message, OPEN_TYPE, bytes -> ENVELOPE, envelope -> {
      runs.incrementAndGet();
      return Uni.createFrom().voidItem();
    }).subscribe().with(done -> {});

    Thread.sleep(100);
    assertThat(runs).hasValue(0);
    assertThat(delivery.settled).isNotDone();
  }

  @Test
  void theDrainGivesUpAfterItsTimeoutAndLeavesTheDeliveryUnsettled() throws Exception {
    var quick = new InboundMessages(new SimpleMeterRegistry(), new TrustedPublishers(Optional.empty()), TracerProvider.noop().get("test"), Duration.ofMillis(100), new MemorySize(BigInteger.valueOf(1 << 20)));
    var delivery = new Delivery();
    quick.handle(delivery.message, OPEN_TYPE, bytes -> ENVELOPE,
        envelope -> Uni.createFrom().nothing()).subscribe().with(done -> {});

    CompletableFuture.runAsync(() -> quick.drain(new ShutdownEvent())).get(5, TimeUnit.SECONDS);
    assertThat(delivery.settled).isNotDone();
  }
}
