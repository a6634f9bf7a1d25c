package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.GetResponse;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Broker;
import dev.strata.testing.LocalBroker;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The outbox relay rides out a broker outage: what landed meanwhile is announced once the broker is back. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.OPERATOR)
class BrokerOutageIT {

  @Inject Pool pool;

  @Test
  void aBatchLandedWhileTheBrokerIsDownIsAnnouncedOnceTheBrokerIsBack() throws Exception {
    assumeTrue(LocalBroker.controllable(), "needs the local RabbitMQ (rabbitmqctl) to stop and start it");
    String jobId = "outage-" + UUID.randomUUID();
    LocalBroker.stopApp();
    try {
      landBars(jobId);
      // an outage as long as the one seen in the field: the relay tries to publish while the broker is away
      Thread.sleep(10_000);
      // what an operator's StrataOutboxStuck alert watches: rows waiting, the oldest as old as the outage
      await().atMost(Duration.ofSeconds(10)).until(() -> metric("strata_outbox_rows") >= 1);
      await().atMost(Duration.ofSeconds(10)).until(() -> metric("strata_outbox_oldest_age_seconds") >= 5);
    } finally {
      LocalBroker.startApp();
    }
    awaitAnnounced(jobId);
    await().atMost(Duration.ofSeconds(30)).until(() -> metric("strata_outbox_rows") == 0);
    assertThat(metric("strata_outbox_oldest_age_seconds")).isZero();
  }

  /** A series without labels on /q/metrics; NaN when absent. */
  private static double metric(String name) {
    return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
        .filter(line -> line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(name.length()).trim().split("\\s+")[0]))
        .findFirst().orElse(Double.NaN);
  }

  @Test
  void aPublishWhoseConfirmWasLostWithTheBrokerIsRolledBackAndSentAgain() throws Exception {
    assumeTrue(LocalBroker.controllable(), "needs the local RabbitMQ (rabbitmqctl) to stop and start it");
    String jobId = "lost-confirm-" + UUID.randomUUID();
    LocalBroker.blockPublishers();
    try {
      landBars(jobId);
      // the relay's round publishes and waits for a confirm the blocked broker does not send ...
      Thread.sleep(3_000);
      // ... and the broker goes away with it
      LocalBroker.stopApp();
      Thread.sleep(5_000);
    } finally {
      LocalBroker.startApp();
      LocalBroker.unblockPublishers();
    }
    awaitAnnounced(jobId);
  }

  private void landBars(String jobId) {
    given().contentType("text/csv").body(TestData.resource("aapl-daily-2013-q1.csv"))
        .post("/bars?symbol=OUTG&frame=1d&jobId=" + jobId).then().statusCode(201);
    assertThat(unsent(jobId)).isPositive();
  }

  /** The job's outbox rows are gone (published and confirmed) and its message reached the queue. */
  private void awaitAnnounced(String jobId) throws Exception {
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> unsent(jobId) == 0);
    try (Broker broker = Broker.connect(Map.of())) {
      var announced = new AtomicBoolean();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        GetResponse message;
        while ((message = broker.take(Queues.DATASET_INGESTED)) != null) {
          if (new EnvelopeCodec().decode(message.getBody(), MessageType.DATASET_INGESTED).payload().runId().equals(jobId)) {
            announced.set(true);
          }
        }
        return announced.get();
      });
    }
  }

  private long unsent(String jobId) {
    return pool.preparedQuery("SELECT count(*) FROM outbox WHERE correlation_id = $1")
        .execute(Tuple.of(jobId)).map(rows -> rows.iterator().next().getLong(0))
        .await().atMost(Duration.ofSeconds(10));
  }
}
