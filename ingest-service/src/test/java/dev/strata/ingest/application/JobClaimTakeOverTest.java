package dev.strata.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.JobClaim;
import dev.strata.ingest.domain.job.JobKind;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.contract.Bar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may take over an IN_PROGRESS job: the clock is moved by hand, so no lease is waited for. */
class JobClaimTakeOverTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final InMemoryJobs jobs = new InMemoryJobs();
  private final InMemoryLake lake = new InMemoryLake();
  private final TestClaims.MovableClock clock = new TestClaims.MovableClock(START);

  private IngestBars ingestBars(ClaimTerms terms) {
    return new IngestBars(new JobLifecycle(jobs, lake, clock, terms), lake, clock, new DomainEvents(failure -> { }));
  }

  private IngestionReport run(String jobId) {
    return run(ingestBars(TestClaims.TERMS), jobId);
  }

  private static IngestionReport run(IngestBars ingestBars, String jobId) {
    var bars = List.of(new Bar(Instant.parse("2013-01-02T00:00:00Z"), 10.0, 11.0, 9.0, 10.0, 1000.0));
    return ingestBars.run(new IngestBarsCommand("SPX", "1d", bars, jobId, ValidationMode.REJECT_BATCH, false, "producer"))
        .await().indefinitely();
  }

  /** A job another process began at START and last renewed then (its lease runs to START + lease). */
  private void heldSinceStartBy(String holder, String jobId) {
    IngestionJob running = IngestionJob.pending(jobId, JobKind.BARS, "SPX", "1d", START).start(START);
    jobs.begin(running, JobClaim.of(holder, START, TestClaims.LEASE), false);
  }

  @Test
  void aJobWhoseHolderStoppedHeartbeatingIsTakenOverOnceItsLeaseLapses() {
    heldSinceStartBy("killed-process/1", "job-dead");
    clock.advance(TestClaims.LEASE.plusSeconds(1));

    IngestionReport report = run("job-dead");

    assertThat(report.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(jobs.claims.get("job-dead").holder()).startsWith("test-process/");
    assertThat(jobs.outbox).hasSize(1);
  }

  @Test
  void aJobWhoseHolderIsWithinItsLeaseIsNotTakenOverAndNothingIsWritten() {
    heldSinceStartBy("live-process/1", "job-live");
    clock.advance(TestClaims.LEASE.minusSeconds(1));

    assertThatThrownBy(() -> run("job-live")).isInstanceOf(DomainException.Conflict.class).hasMessageContaining("already running");

    assertThat(jobs.jobs.get("job-live").status()).isEqualTo(JobStatus.IN_PROGRESS);
    assertThat(jobs.claims.get("job-live").holder()).isEqualTo("live-process/1");
    assertThat(lake.writes).isZero();
  }

  @Test
  void aRunningJobRenewsItsClaimSoItsLeaseOutlastsTheFirstOne() {
    var heartbeatOften = new ClaimTerms("test-process", TestClaims.LEASE, Duration.ofMillis(10));
    lake.duringWrite = () -> {
      clock.advance(Duration.ofMinutes(1));
      Instant renewedLeaseEnd = clock.instant().plus(TestClaims.LEASE);
      // the first lease ended at START + lease; only a heartbeat can move it to a minute later
      await().atMost(Duration.ofSeconds(10)).until(() -> jobs.claims.get("job-long").until().equals(renewedLeaseEnd));
    };

    assertThat(run(ingestBars(heartbeatOften), "job-long").status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void anAttemptThatLostItsClaimWhileWritingDoesNotCompleteTheJobNorRemoveTheFiles() {
    lake.duringWrite = () -> {
      // meanwhile this attempt's lease lapsed and another attempt took the job over
      clock.advance(TestClaims.LEASE.plusSeconds(1));
      jobs.claims.put("job-lost", JobClaim.of("other-process/2", clock.instant(), TestClaims.LEASE));
    };

    assertThatThrownBy(() -> run("job-lost")).isInstanceOf(DomainException.Conflict.class).hasMessageContaining("taken over");

    assertThat(jobs.jobs.get("job-lost").status()).isEqualTo(JobStatus.IN_PROGRESS);
    assertThat(jobs.outbox).isEmpty();
    // the same file names are the new holder's to write: removing them could remove its files
    assertThat(lake.files).hasSize(1);
  }

  @Test
  void aJobWhoseCommitFailedOnALostConnectionIsGivenUpSoARetryRunsItAtOnce() {
    // the commit, then the first attempt to give the job up on a connection the server had ended too
    jobs.failingFinishes.add(new IllegalStateException("connection lost during the commit"));
    jobs.failingFinishes.add(new IllegalStateException("another ended connection"));

    assertThatThrownBy(() -> run("job-cut-off")).hasMessageContaining("connection lost during the commit");
    assertThat(jobs.jobs.get("job-cut-off").status()).isEqualTo(JobStatus.FAILED);
    assertThat(jobs.outbox).isEmpty();

    assertThat(run("job-cut-off").status()).as("no 409 until the lease lapses").isEqualTo(JobStatus.COMPLETED);
  }
}
