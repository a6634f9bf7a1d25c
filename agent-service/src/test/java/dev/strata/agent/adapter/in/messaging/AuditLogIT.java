package dev.strata.agent.adapter.in.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Broker;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.ADMIN)
class AuditLogIT {

  @Inject Pool pool;
  private final EnvelopeCodec codec = new EnvelopeCodec();

  private Envelope<AuditEvent> event(String actor, String resource, Instant at) {
    return Envelope.of(MessageType.AUDIT_EVENT,
        new AuditEvent("ingest-service", actor, "dataset.ingest", resource, AuditEvent.Outcome.SUCCESS, at, Map.of("rows", "42", "é", "ü")),
        "corr-" + actor);
  }

  private void publish(Broker broker, Envelope<AuditEvent> envelope) throws Exception {
    broker.publishToDefaultExchange(Queues.AUDIT_LOG, codec.encode(envelope), "application/json", envelope.messageId().toString());
  }

  @Test
  void eventsFromAnyServiceAreChainedOncePerMessageAndATamperedRowIsReported() throws Exception {
    String actor = "alice-" + UUID.randomUUID();
    Instant at = Instant.parse("2026-03-01T10:15:30.123456789Z");
    var first = event(actor, "dataset/bars", at);
    try (Broker broker = Broker.connect(Map.of())) {
      publish(broker, first);
      publish(broker, first);
      publish(broker, event(actor, "dataset/usage", at.plusSeconds(60)));
      publish(broker, event("bob", "dataset/bars", at.plusSeconds(120)));
    }
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        given().queryParam("actor", actor).get("/audit").then().statusCode(200).body("total", equalTo(2)));
    given().queryParam("actor", actor).queryParam("resource", "dataset/bars").get("/audit").then()
        .body("total", equalTo(1)).body("items[0].correlationId", equalTo("corr-" + actor)).body("items[0].details.rows", equalTo("42"));
    given().queryParam("actor", actor).queryParam("from", at.plusSeconds(1).toString()).queryParam("to", at.plusSeconds(3600).toString())
        .get("/audit").then().body("total", equalTo(1)).body("items[0].resource", equalTo("dataset/usage"));
    given().get("/audit/verify").then().statusCode(200).body("status", equalTo("OK")).body("brokenAtSeq", nullValue());

    long seq = pool.preparedQuery("SELECT seq FROM agent.audit_log WHERE message_id = $1").execute(Tuple.of(first.messageId()))
        .await().indefinitely().iterator().next().getLong("seq");
    pool.preparedQuery("UPDATE agent.audit_log SET actor = 'mallory' WHERE seq = $1").execute(Tuple.of(seq)).await().indefinitely();
    try {
      given().get("/audit/verify").then().statusCode(200).body("status", equalTo("BROKEN")).body("brokenAtSeq", equalTo((int) seq));
      // what an operator's StrataAuditChainBroken alert watches
      await().atMost(Duration.ofSeconds(15)).until(() -> chainOk() == 0);
    } finally {
      pool.preparedQuery("UPDATE agent.audit_log SET actor = $2 WHERE seq = $1").execute(Tuple.of(seq, actor)).await().indefinitely();
    }
    given().get("/audit/verify").then().body("status", equalTo("OK"));
    await().atMost(Duration.ofSeconds(15)).until(() -> chainOk() == 1);
  }

  /** {@code strata_audit_chain_ok} on /q/metrics; NaN when absent. */
  private static double chainOk() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
        .filter(line -> line.startsWith("strata_audit_chain_ok "))
        .mapToDouble(line -> Double.parseDouble(line.substring("strata_audit_chain_ok ".length()).trim().split("\\s+")[0]))
        .findFirst().orElse(Double.NaN);
  }

  @Test
  void aRowRewrittenInSqlWithTheChainRecomputedIsStillReportedBecauseTheKeyIsNotInTheDatabase() throws Exception {
    String actor = "carol-" + UUID.randomUUID();
    var target = event(actor, "dataset/bars", Instant.now());
    try (Broker broker = Broker.connect(Map.of())) {
      publish(broker, event("before-" + actor, "dataset/bars", Instant.now()));
      publish(broker, target);
    }
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        given().queryParam("actor", actor).get("/audit").then().statusCode(200).body("total", equalTo(1)));
    long seq = pool.preparedQuery("SELECT seq FROM agent.audit_log WHERE message_id = $1").execute(Tuple.of(target.messageId()))
        .await().indefinitely().iterator().next().getLong("seq");
    List<Row> original = suffix(seq);
    for (int downgrade = 0; downgrade < 2; downgrade++) {
      try {
        // what someone with SQL access can do: change a field, then re-link every later row by the public rule
        rechain(original, "mallory", downgrade == 1);
        given().get("/audit/verify").then().statusCode(200).body("status", equalTo("BROKEN")).body("brokenAtSeq", equalTo((int) seq));
      } finally {
        restore(original);
      }
    }
    given().get("/audit/verify").then().body("status", equalTo("OK"));
  }

  private List<Row> suffix(long fromSeq) {
    List<Row> rows = new java.util.ArrayList<>();
    pool.preparedQuery("SELECT seq, message_id, service, actor, action, resource, outcome, at, correlation_id, details::text AS details, "
        + "content_hash, previous_hash, hash_version FROM agent.audit_log WHERE seq >= $1 ORDER BY seq").execute(Tuple.of(fromSeq))
        .await().indefinitely().forEach(rows::add);
    return rows;
  }

  private void rechain(List<Row> rows, String newActor, boolean downgrade) throws Exception {
    String previous = rows.getFirst().getString("previous_hash");
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String rowActor = i == 0 ? newActor : row.getString("actor");
      Map<String, String> details = new com.fasterxml.jackson.databind.ObjectMapper().readValue(row.getString("details"),
          new com.fasterxml.jackson.core.type.TypeReference<java.util.TreeMap<String, String>>() {});
      String canonical = String.join("\u001f", previous, row.getUUID("message_id").toString(), row.getString("service"), rowActor,
          row.getString("action"), String.valueOf(row.getString("resource")), row.getString("outcome"),
          row.getOffsetDateTime("at").toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString(),
          String.valueOf(row.getString("correlation_id")), details.toString());
      String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      pool.preparedQuery("UPDATE agent.audit_log SET actor = $2, previous_hash = $3, content_hash = $4, hash_version = $5 WHERE seq = $1")
          .execute(Tuple.of(row.getLong("seq"), rowActor, previous, hash, (short) (downgrade ? 1 : row.getShort("hash_version"))))
          .await().indefinitely();
      previous = hash;
    }
  }

  private void restore(List<Row> rows) {
    for (Row row : rows) {
      pool.preparedQuery("UPDATE agent.audit_log SET actor = $2, previous_hash = $3, content_hash = $4, hash_version = $5 WHERE seq = $1")
          .execute(Tuple.of(row.getLong("seq"), row.getString("actor"), row.getString("previous_hash"), row.getString("content_hash"),
              row.getShort("hash_version"))).await().indefinitely();
    }
  }

  @Test
  void aBurstIsWrittenInBatchesThatSkipDuplicatesAndKeepTheChainWhole() throws Exception {
    String actor = "burst-" + UUID.randomUUID();
    Instant at = Instant.parse("2026-03-02T08:00:00Z");
    var events = new java.util.ArrayList<Envelope<AuditEvent>>();
    for (int i = 0; i < 150; i++) {
      events.add(event(actor, i % 3 == 0 ? null : "dataset/" + i, at.plusMillis(i)));
    }
    try (Broker broker = Broker.connect(Map.of())) {
      // every event twice: right after itself (same batch) and again at the end (a later batch)
      for (var e : events) {
        publish(broker, e);
        publish(broker, e);
      }
      for (var e : events) {
        publish(broker, e);
      }
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      given().queryParam("actor", actor).get("/audit").then().statusCode(200).body("total", equalTo(150));
      assertThat(pool.query("SELECT count(*) FROM agent.audit_log WHERE actor = '" + actor + "'").execute()
          .await().indefinitely().iterator().next().getLong(0)).isEqualTo(150L);
    });
    given().queryParam("actor", actor).queryParam("resource", "dataset/7").get("/audit").then()
        .body("total", equalTo(1)).body("items[0].details.é", equalTo("ü"));
    given().queryParam("actor", actor).queryParam("resource", "dataset/3").get("/audit").then().body("total", equalTo(0));
    given().get("/audit/verify").then().statusCode(200).body("status", equalTo("OK"));
  }

  @Test
  void anEventTheLogRefusesFailsAloneAndTheRestOfItsBatchIsWritten() throws Exception {
    String actor = "neighbour-" + UUID.randomUUID();
    String dlq = Queues.deadLetterQueue(Queues.AUDIT_LOG);
    Instant at = Instant.parse("2026-03-03T08:00:00Z");
    try (Broker broker = Broker.connect(Map.of())) {
      broker.purge(dlq);
      for (int i = 0; i < 40; i++) {
        publish(broker, event(actor, "dataset/" + i, at.plusSeconds(i)));
        if (i == 20) {
          // longer than the actor column: its INSERT fails, and with it the batch it came in
          publish(broker, event("x".repeat(300), "dataset/poison", at));
        }
      }
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        given().queryParam("actor", actor).get("/audit").then().statusCode(200).body("total", equalTo(40));
        assertThat(broker.depth(dlq)).isEqualTo(1);
      });
    }
    given().queryParam("resource", "dataset/poison").get("/audit").then().body("total", equalTo(0));
    given().get("/audit/verify").then().statusCode(200).body("status", equalTo("OK"));
  }

  @Test
  void aForgedEventNeverEntersTheChain() throws Exception {
    String forger = "forger-" + UUID.randomUUID();
    byte[] forged = codec.encode(event(forger, "dataset/bars", Instant.now()));
    String dlq = Queues.deadLetterQueue(Queues.AUDIT_LOG);
    try (Broker producer = Broker.connectAs("strata-producer"); Broker admin = Broker.connect(Map.of())) {
      admin.purge(dlq);
      // a producer may not publish audit.log at all, through the strata exchange or the default one
      assertThatThrownBy(() -> producer.publishConfirmed(Queues.EXCHANGE, Queues.AUDIT_LOG, forged, "strata-producer"))
          .hasStackTraceContaining("ACCESS_REFUSED");
      assertThatThrownBy(() -> producer.publishConfirmed("", Queues.AUDIT_LOG, forged, "strata-producer"))
          .hasStackTraceContaining("ACCESS_REFUSED");
      // one that may write there, without naming itself (user_id), is not a service the broker vouched for
      admin.publishConfirmed(Queues.EXCHANGE, Queues.AUDIT_LOG, forged, null);
      await().atMost(Duration.ofSeconds(10)).until(() -> admin.depth(dlq) == 1);
    }
    given().queryParam("actor", forger).get("/audit").then().body("total", equalTo(0));
  }

  @Test
  void aMalformedTimeRangeIsABadRequest() {
    given().queryParam("from", "yesterday").get("/audit").then().statusCode(400).contentType("application/problem+json");
  }
}
