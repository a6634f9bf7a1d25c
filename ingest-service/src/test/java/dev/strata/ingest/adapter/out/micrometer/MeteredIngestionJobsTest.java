package dev.strata.ingest.adapter.out.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.ingest.domain.bar.RejectedRow;
import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.ingest.domain.job.JobClaim;
import dev.strata.ingest.domain.job.JobKind;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class MeteredIngestionJobsTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void everyKindAndOutcomeIsCountedFromZeroBeforeAnyJobFinished() {
    new MeteredIngestionJobs(finishing(true), meters);

    for (String kind : List.of("bars", "usage")) {
      assertThat(jobs(kind, "completed")).isZero();
      assertThat(jobs(kind, "failed")).isZero();
      assertThat(rows(kind, "accepted")).isZero();
      assertThat(rows(kind, "rejected")).isZero();
    }
  }

  @Test
  void aFinishedJobCountsItsOutcomeAndItsAcceptedAndRejectedRows() {
    var jobs = new MeteredIngestionJobs(finishing(true), meters);
    IngestionJob running = IngestionJob.pending("j1", JobKind.BARS, "AAPL", "1d", NOW).start(NOW);
    List<RejectedRow> rejected = List.of(new RejectedRow(3, "ohlc", "high below low"), new RejectedRow(7, "ohlc", "negative volume"));

    jobs.finish(running.complete(40, rejected, List.of(), NOW), "holder", List.of()).toCompletableFuture().join();
    jobs.finish(IngestionJob.pending("j2", JobKind.USAGE, null, null, NOW).start(NOW).fail("unreadable", List.of(), NOW), "holder",
        List.of()).toCompletableFuture().join();

    assertThat(jobs("bars", "completed")).isEqualTo(1);
    assertThat(rows("bars", "accepted")).isEqualTo(40);
    assertThat(rows("bars", "rejected")).isEqualTo(2);
    assertThat(jobs("usage", "failed")).isEqualTo(1);
    assertThat(jobs("usage", "completed")).isZero();
  }

  @Test
  void aFinishAnotherAttemptTookOverIsNotCounted() {
    var jobs = new MeteredIngestionJobs(finishing(false), meters);
    IngestionJob running = IngestionJob.pending("j1", JobKind.BARS, "AAPL", "1d", NOW).start(NOW);

    assertThat(jobs.finish(running.complete(40, List.of(), List.of(), NOW), "late", List.of()).toCompletableFuture().join()).isFalse();

    assertThat(jobs("bars", "completed")).isZero();
    assertThat(rows("bars", "accepted")).isZero();
  }

  private double jobs(String kind, String outcome) {
    return meters.get("strata.ingest.jobs").tags("kind", kind, "outcome", outcome).counter().count();
  }

  private double rows(String kind, String outcome) {
    return meters.get("strata.ingest.rows").tags("kind", kind, "outcome", outcome).counter().count();
  }

  /** Jobs whose finish is held ({@code true}) or was taken over by another attempt. */
  private static IngestionJobs finishing(boolean held) {
    return new IngestionJobs() {
      @Override
      public CompletionStage<Optional<IngestionJob>> find(String id) {
        return CompletableFuture.completedFuture(Optional.empty());
      }

      @Override
      public CompletionStage<Optional<IngestionJob>> begin(IngestionJob started, JobClaim claim, boolean overwrite) {
        return CompletableFuture.completedFuture(Optional.empty());
      }

      @Override
      public CompletionStage<Boolean> renew(String id, JobClaim claim) {
        return CompletableFuture.completedFuture(true);
      }

      @Override
      public CompletionStage<Boolean> finish(IngestionJob finished, String holder, List<Envelope<DatasetIngested>> events) {
        return CompletableFuture.completedFuture(held);
      }
    };
  }
}
