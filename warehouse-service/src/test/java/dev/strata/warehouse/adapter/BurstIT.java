package dev.strata.warehouse.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.testing.Broker;
import dev.strata.testing.LocalBroker;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.warehouse.TestLake;
import dev.strata.warehouse.TestLake.BarRow;
import dev.strata.warehouse.WarehouseTestRun;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbWarehouse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A burst far larger than the consumer handles at once, after the broker was away: once its client
 * reconnected, the connector no longer holds deliveries back by demand, so only the channel's prefetch
 * ({@code max-outstanding-messages}) keeps them from overflowing the connector's buffer and failing the
 * consumer for good.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
class BurstIT {

  private static final int BURST = 600;

  @Inject DuckDbWarehouse warehouse;

  @Test
  void aBurstOfSixHundredMessagesAfterABrokerOutageIsAllRecordedAndTheServiceStaysReady() throws Exception {
    assumeTrue(LocalBroker.controllable(), "needs the local RabbitMQ (rabbitmqctl) to stop and start it");
    LocalBroker.stopApp();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> !ready());
    } finally {
      LocalBroker.startApp();
    }
    await().atMost(Duration.ofSeconds(90)).until(BurstIT::ready);
    String runId = "burst-" + UUID.randomUUID();
    String symbol = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', 'X');
    DatasetIngested file = TestLake.bars(WarehouseTestRun.lake(), runId, Instant.now(),
        new BarRow(symbol, "1d", Instant.parse("2024-03-01T00:00:00Z"), 9, 12, 8, 10, 1000, false));
    var codec = new EnvelopeCodec();
    try (Broker broker = Broker.connect(Map.of())) {
      for (int i = 0; i < BURST; i++) {
        // one landed file announced under many file ids, as a busy ingest announces many small files
        var event = new DatasetIngested(file.dataset(), file.coverageFrom(), file.coverageTo(),
            file.fileId() + "-" + i, runId, file.rowCount(), file.sha256(), file.path());
        byte[] body = codec.encode(Envelope.of(MessageType.DATASET_INGESTED, event, "burst"));
        broker.publishToDefaultExchange(Queues.DATASET_INGESTED, body, "application/json", UUID.randomUUID().toString());
      }
      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
          .failFast("the dataset.ingested consumer failed and readiness went DOWN", () -> !ready())
          .until(() -> recorded(runId) == BURST);
      assertThat(broker.depth(Queues.DATASET_INGESTED)).isZero();
      assertThat(broker.depth(Queues.deadLetterQueue(Queues.DATASET_INGESTED))).isZero();
    }
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  private static boolean ready() {
    return given().get("/q/health/ready").statusCode() == 200;
  }

  private long recorded(String runId) {
    return warehouse.read(connection -> {
      try (var st = connection.prepareStatement("SELECT count(*) FROM ops.file_ingestions WHERE run_id = ?")) {
        st.setString(1, runId);
        try (var rs = st.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }
}
