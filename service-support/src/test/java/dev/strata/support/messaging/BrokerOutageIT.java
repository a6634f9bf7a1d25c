package dev.strata.support.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.NotificationSend;
import dev.strata.testing.Broker;
import dev.strata.testing.LocalBroker;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class BrokerOutageIT {

  private static final int BURST = 600;

  @Inject ProbeConsumer probe;

  @Test
  void readinessGoesDownWithTheBrokerAndComesBackWithoutARestart() {
    assumeTrue(LocalBroker.controllable(), "needs the local RabbitMQ (rabbitmqctl) to stop and start it");
    bounceTheBroker();
  }

  /**
   * Once its client reconnected, the connector no longer holds deliveries back by demand: only the
   * channel's prefetch keeps a burst from overflowing its buffer and stopping the consumer for good.
   */
  @Test
  void aBurstAfterTheBrokerCameBackIsAllConsumedAndTheConsumerStaysUp() throws Exception {
    assumeTrue(LocalBroker.controllable(), "needs the local RabbitMQ (rabbitmqctl) to stop and start it");
    bounceTheBroker();
    String burst = "burst-" + UUID.randomUUID();
    var codec = new EnvelopeCodec();
    try (Broker broker = Broker.connect(Map.of())) {
      for (int i = 0; i < BURST; i++) {
        var payload = new NotificationSend("ops", null, burst, "message " + i, null);
        byte[] body = codec.encode(Envelope.of(MessageType.NOTIFICATION_SEND, payload, burst));
        broker.publishToDefaultExchange(Queues.NOTIFICATION_SEND, body, "application/json", UUID.randomUUID().toString());
      }
    }
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .failFast("the probe consumer failed and readiness went DOWN", () -> !ready())
        .until(() -> probe.accepted().stream().filter(accepted -> accepted.subject().equals(burst)).count() == BURST);
  }

  private static void bounceTheBroker() {
    awaitReadiness("UP", 30);
    LocalBroker.stopApp();
    try {
      awaitReadiness("DOWN", 60);
    } finally {
      LocalBroker.startApp();
    }
    awaitReadiness("UP", 90);
  }

  private static boolean ready() {
    return given().get("/q/health/ready").statusCode() == 200;
  }

  private static void awaitReadiness(String status, int seconds) {
    await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        given().get("/q/health/ready").then().body("status", equalTo(status)));
  }
}
