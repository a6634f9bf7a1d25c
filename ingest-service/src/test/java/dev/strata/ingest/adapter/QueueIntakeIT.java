package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.ingest.settings.IngestConfig;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.BarBatch;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.kernel.security.Roles;
import dev.strata.support.messaging.RabbitTopology;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Broker;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.OPERATOR)
class QueueIntakeIT {

  @Inject IngestConfig config;
  @Inject RabbitTopology topology;
  private DatasetIngestedTap tap;
  private Broker broker;

  @BeforeEach
  void connect() throws Exception {
    tap = new DatasetIngestedTap(topology);
    broker = Broker.connect(Map.of());
  }

  @AfterEach
  void close() throws Exception {
    tap.close();
    broker.close();
  }

  @Test
  void aBarBatchPublishedStraightToTheQueueLandsAsParquetAndIsAnnounced() throws Exception {
    String body = """
        {"messageId":"%s","type":"bar-batch","schemaVersion":1,"occurredAt":"2026-01-01T00:00:00Z","payload":
         {"symbol":"ETHQ","frame":"5m","jobId":"amqp-eth","bars":[%s]}}"""
        .formatted(UUID.randomUUID(), String.join(",", TestData.ethFiveMinuteNdjson().subList(0, 12)));

    broker.publishToDefaultExchange(Queues.INGEST_BARS, body.getBytes(StandardCharsets.UTF_8), "application/json", UUID.randomUUID().toString());

    var file = config.lake().root().resolve("frame=5m/symbol=ETHQ/date=2023-03-13/amqp-eth.parquet");
    await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(file));
    await().atMost(Duration.ofSeconds(20)).until(() -> tap.ofRun("amqp-eth").size() == 1);
    DatasetIngested event = tap.ofRun("amqp-eth").getFirst();
    assertThat(event.dataset()).isEqualTo(DatasetIdentity.bars("producer", "5m", "ETHQ"));
    assertThat(event.rowCount()).isEqualTo(12);
    await().atMost(Duration.ofSeconds(10)).until(() -> broker.depth(Queues.INGEST_BARS) == 0);
  }

  @Test
  void aBarMessageThatDoesNotDecodeOrWhoseWorkKeepsFailingIsDeadLetteredAsItWasPublished() throws Exception {
    String deadLetters = Queues.deadLetterQueue(Queues.INGEST_BARS);
    broker.purge(deadLetters);
    byte[] undecodable = "{\"type\":\"bar-batch\",\"payload\":{\"bars\":[{\"open\":\"abc\"}]}}".getBytes(StandardCharsets.UTF_8);
    var badSymbol = new BarBatch("../etc", "1d", List.of(), "dead-symbol");
    byte[] failing = new EnvelopeCodec().encode(Envelope.of(MessageType.BAR_BATCH, badSymbol, "corr"));

    broker.publishToDefaultExchange(Queues.INGEST_BARS, undecodable, "application/json", UUID.randomUUID().toString());
    broker.publishToDefaultExchange(Queues.INGEST_BARS, failing, "application/json", UUID.randomUUID().toString());

    await().atMost(Duration.ofSeconds(30)).until(() -> broker.depth(deadLetters) == 2);
    List<String> dead = List.of(new String(broker.take(deadLetters).getBody(), StandardCharsets.UTF_8),
        new String(broker.take(deadLetters).getBody(), StandardCharsets.UTF_8));
    assertThat(dead).containsExactlyInAnyOrder(new String(undecodable, StandardCharsets.UTF_8), new String(failing, StandardCharsets.UTF_8));
    assertThat(broker.depth(Queues.INGEST_BARS)).isZero();
  }

  @Test
  void aRedeliveredBatchWithoutJobIdLandsOnceBecauseTheMessageIdIsTheJobId() throws Exception {
    var batch = new BarBatch("REDLV", "1d", List.of(
        new dev.strata.kernel.messaging.contract.Bar(java.time.Instant.parse("2013-01-02T00:00:00Z"), 553.82, 555.0, 541.63, 549.03, 20018500.0)), null);
    Envelope<BarBatch> envelope = Envelope.of(MessageType.BAR_BATCH, batch, "corr");
    byte[] bytes = new EnvelopeCodec().encode(envelope);

    broker.publishToDefaultExchange(Queues.INGEST_BARS, bytes, "application/json", envelope.messageId().toString());
    broker.publishToDefaultExchange(Queues.INGEST_BARS, bytes, "application/json", envelope.messageId().toString());

    String jobId = envelope.messageId().toString();
    await().atMost(Duration.ofSeconds(20)).until(() -> tap.ofRun(jobId).size() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> broker.depth(Queues.INGEST_BARS) == 0);
    given().get("/jobs/" + jobId).then().body("status", equalTo("COMPLETED"));
    assertThat(tap.ofRun(jobId)).hasSize(1);
  }

  @Test
  void aUsageBatchOnTheQueueLandsPerUtcDayWithItsBadEventsRecordedOnTheJob() throws Exception {
    String body = """
        {"messageId":"%s","type":"usage-event-batch","schemaVersion":1,"occurredAt":"2026-01-01T00:00:00Z","payload":
         {"jobId":"amqp-usage","events":[
           {"customerId":"C00002","ts":"2024-05-01T10:00:00Z","event":"login"},
           {"customerId":"C00003","ts":1714600800000000000,"event":"api_call","quantity":3,"attributes":{"endpoint":"/v1/x"}},
           {"customerId":"C00004","event":"login"}]}}"""
        .formatted(UUID.randomUUID());

    broker.publishToDefaultExchange(Queues.INGEST_USAGE, body.getBytes(StandardCharsets.UTF_8), "application/json", UUID.randomUUID().toString());

    await().atMost(Duration.ofSeconds(20)).until(() -> tap.ofRun("amqp-usage").size() == 1);
    DatasetIngested event = tap.ofRun("amqp-usage").getFirst();
    assertThat(event.dataset()).isEqualTo(DatasetIdentity.usage());
    assertThat(event.path()).isEqualTo("dataset=usage/date=2024-05-01/amqp-usage.parquet");
    try (var duck = DriverManager.getConnection("jdbc:duckdb:"); var statement = duck.createStatement();
        ResultSet rows = statement.executeQuery("SELECT customer_id, quantity, attributes, job_id FROM read_parquet('"
            + config.lake().root().resolve(event.path()) + "') ORDER BY ts")) {
      rows.next();
      assertThat(rows.getString("customer_id")).isEqualTo("C00002");
      assertThat(rows.getDouble("quantity")).isEqualTo(1.0);
      rows.next();
      assertThat(rows.getDouble("quantity")).isEqualTo(3.0);
      assertThat(rows.getString("attributes")).isEqualTo("{\"endpoint\":\"/v1/x\"}");
      assertThat(rows.getString("job_id")).isEqualTo("amqp-usage");
    }
    given().get("/jobs/amqp-usage").then().body("kind", equalTo("USAGE")).body("accepted", equalTo(2))
        .body("rejections[0].row", equalTo(2));
  }
}
