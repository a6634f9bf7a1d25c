package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.ingest.domain.job.JobClaim;
import dev.strata.ingest.domain.job.JobKind;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.Bar;
import dev.strata.kernel.messaging.contract.BarBatch;
import dev.strata.kernel.security.Roles;
import dev.strata.support.messaging.RabbitTopology;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claim on a job against the real table: another process's claim is written straight into
 * {@code ingestion_job}, with a lease that has lapsed (its holder was killed and stopped
 * heartbeating) or that runs for an hour (its holder is alive), so no test waits for a lease.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.OPERATOR)
class JobClaimIT {

  private static final String CSV = "date,open,high,low,close,volume\n2013-01-02,553.82,555.0,541.63,549.03,20018500\n";

  @Inject Pool pool;
  @Inject IngestionJobs jobs;
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

  /** A job another process began and holds until {@code now + leaseLeft} (negative: lapsed). */
  private void heldBy(String holder, String jobId, Duration leaseLeft) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    pool.preparedQuery("""
            INSERT INTO ingestion_job (id, kind, status, symbol, frame, created_at, updated_at, claimed_by, claimed_until)
            VALUES ($1, 'BARS', 'IN_PROGRESS', 'CLAIM', '1d', $2, $2, $3, $4)""")
        .execute(Tuple.of(jobId, now, holder, now.plus(leaseLeft))).await().indefinitely();
  }

  private void holderStopsHeartbeating(String jobId) {
    pool.preparedQuery("UPDATE ingestion_job SET claimed_until = $2 WHERE id = $1")
        .execute(Tuple.of(jobId, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))).await().indefinitely();
  }

  private Row row(String jobId) {
    return pool.preparedQuery("SELECT status, claimed_by FROM ingestion_job WHERE id = $1").execute(Tuple.of(jobId))
        .await().indefinitely().iterator().next();
  }

  private static io.restassured.response.Response postBars(String jobId) {
    return given().contentType("text/csv").body(CSV).post("/bars?symbol=CLAIM&frame=1d&jobId=" + jobId);
  }

  private void publish(String jobId) throws Exception {
    var batch = new BarBatch("CLAIM", "1d", List.of(new Bar(Instant.parse("2013-01-02T00:00:00Z"), 553.82, 555.0, 541.63, 549.03, 2.0E7)), jobId);
    Envelope<BarBatch> envelope = Envelope.of(MessageType.BAR_BATCH, batch, "corr");
    broker.publishToDefaultExchange(Queues.INGEST_BARS, new EnvelopeCodec().encode(envelope), "application/json", envelope.messageId().toString());
  }

  @Test
  void aRestResubmissionTakesOverAJobWhoseHolderStoppedHeartbeating() {
    heldBy("killed-process/1", "claim-dead-rest", Duration.ofSeconds(-1));

    postBars("claim-dead-rest").then().statusCode(201).body("status", equalTo("COMPLETED"));

    given().get("/jobs/claim-dead-rest").then().body("status", equalTo("COMPLETED"));
    assertThat(row("claim-dead-rest").getString("claimed_by")).startsWith(ProcessHandle.current().pid() + "@");
  }

  @Test
  void aRestSubmissionOfAJobALiveHolderRunsIsAConflictAndLeavesTheHolderItsJob() {
    heldBy("live-process/1", "claim-live-rest", Duration.ofHours(1));

    postBars("claim-live-rest").then().statusCode(409).contentType("application/problem+json")
        .body("detail", startsWith("job claim-live-rest is already running"));

    assertThat(row("claim-live-rest").getString("status")).isEqualTo("IN_PROGRESS");
    assertThat(row("claim-live-rest").getString("claimed_by")).isEqualTo("live-process/1");
  }

  @Test
  void aJobClaimedBeforeLeasesExistedKeepsItsFiveMinuteRule() {
    heldBy("old-version", "claim-legacy", Duration.ofHours(1));
    pool.preparedQuery("UPDATE ingestion_job SET claimed_by = NULL, claimed_until = NULL WHERE id = $1")
        .execute(Tuple.of("claim-legacy")).await().indefinitely();

    postBars("claim-legacy").then().statusCode(409);
  }

  @Test
  void aRedeliveredBatchWhoseConsumerWasKilledMidJobLandsExactlyOnce() throws Exception {
    heldBy("killed-process/1", "claim-dead-amqp", Duration.ofSeconds(-1));

    // the message the killed consumer held comes back, and a producer's retry of it as well
    publish("claim-dead-amqp");
    publish("claim-dead-amqp");

    await().atMost(Duration.ofSeconds(20)).until(() -> broker.depth(Queues.INGEST_BARS) == 0 && tap.ofRun("claim-dead-amqp").size() == 1);
    given().get("/jobs/claim-dead-amqp").then().body("status", equalTo("COMPLETED"));
    assertThat(tap.ofRun("claim-dead-amqp")).hasSize(1);
    assertThat(broker.depth(Queues.INGEST_BARS + ".dlq")).isZero();
  }

  @Test
  void aQueuedBatchWaitsWhileALiveHolderRunsItsJobAndTakesItOverOnceTheHolderStops() throws Exception {
    heldBy("live-process/1", "claim-live-amqp", Duration.ofHours(1));

    publish("claim-live-amqp");

    // retried every 200 ms (%test heartbeat-every) for two seconds, without touching the live holder's job
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> "live-process/1".equals(row("claim-live-amqp").getString("claimed_by")));
    holderStopsHeartbeating("claim-live-amqp");

    await().atMost(Duration.ofSeconds(20)).until(() -> tap.ofRun("claim-live-amqp").size() == 1);
    given().get("/jobs/claim-live-amqp").then().body("status", equalTo("COMPLETED"));
    await().atMost(Duration.ofSeconds(10)).until(() -> broker.depth(Queues.INGEST_BARS) == 0);
    assertThat(broker.depth(Queues.INGEST_BARS + ".dlq")).isZero();
  }

  @Test
  void anAttemptThatLostItsClaimCanNeitherRenewNorFinishTheJob() {
    heldBy("new-holder/2", "claim-lost", Duration.ofHours(1));
    Instant now = Instant.now();
    IngestionJob late = IngestionJob.pending("claim-lost", JobKind.BARS, "CLAIM", "1d", now).start(now);

    assertThat(jobs.renew("claim-lost", JobClaim.of("old-holder/1", now, Duration.ofSeconds(20))).toCompletableFuture().join()).isFalse();
    assertThat(jobs.finish(late.complete(1, List.of(), List.of(), now), "old-holder/1", List.of()).toCompletableFuture().join()).isFalse();
    assertThat(jobs.renew("claim-lost", JobClaim.of("new-holder/2", now, Duration.ofSeconds(20))).toCompletableFuture().join()).isTrue();

    assertThat(row("claim-lost").getString("status")).isEqualTo("IN_PROGRESS");
    assertThat(row("claim-lost").getString("claimed_by")).isEqualTo("new-holder/2");
  }
}
