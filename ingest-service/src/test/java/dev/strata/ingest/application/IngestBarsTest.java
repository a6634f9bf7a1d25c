package dev.strata.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.ingest.domain.lake.LandedFile;
import dev.strata.ingest.domain.symbolbars.BarsLanded;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.contract.Bar;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestBarsTest {

  private final InMemoryJobs jobs = new InMemoryJobs();
  private final InMemoryLake lake = new InMemoryLake();
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final IngestBars ingestBars = new IngestBars(new JobLifecycle(jobs, lake, clock, TestClaims.TERMS), lake, clock, new DomainEvents(failure -> { }));

  private static Bar daily(String date, double close) {
    return new Bar(Instant.parse(date + "T00:00:00Z"), close, close + 1, close - 1, close, 1000.0);
  }

  private static final List<Bar> ACROSS_NEW_YEAR = List.of(daily("2001-12-28", 10), daily("2001-12-31", 11), daily("2002-01-02", 12));

  private IngestionReport run(List<Bar> bars, String jobId, ValidationMode mode, boolean overwrite) {
    return ingestBars.run(new IngestBarsCommand("SPX", "1d", bars, jobId, mode, overwrite, "producer")).await().indefinitely();
  }

  @Test
  void aValidBatchLandsOneFilePerPartitionAndQueuesOneDatasetIngestedPerFile() {
    IngestionReport report = run(ACROSS_NEW_YEAR, "job-1", ValidationMode.REJECT_BATCH, false);

    assertThat(report.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(lake.files).containsOnlyKeys("frame=1d/symbol=SPX/date=2001/job-1.parquet", "frame=1d/symbol=SPX/date=2002/job-1.parquet");
    assertThat(jobs.outbox).hasSize(2).allSatisfy(envelope -> {
      assertThat(envelope.payload().dataset()).isEqualTo(DatasetIdentity.bars("producer", "1d", "SPX"));
      assertThat(envelope.payload().runId()).isEqualTo("job-1");
    });
    assertThat(jobs.outbox.getFirst().payload().coverageFrom()).isEqualTo(Instant.parse("2001-12-28T00:00:00Z"));
    assertThat(jobs.outbox.getFirst().payload().rowCount()).isEqualTo(2);
  }

  @Test
  void theLandedEventSummarisesEachNewYorkTradingDayOfMinuteBars() {
    var landed = new java.util.ArrayList<BarsLanded>();
    var events = new DomainEvents(failure -> { });
    events.subscribe(BarsLanded.class, event -> {
      landed.add(event);
      return io.smallrye.mutiny.Uni.createFrom().voidItem();
    });
    var minuteIngest = new IngestBars(new JobLifecycle(jobs, lake, clock, TestClaims.TERMS), lake, clock, events);
    // 03:59Z and 04:00Z on 2023-03-14 are 23:59 and 00:00 in New York (EDT): two trading days
    var bars = List.of(minute("2023-03-13T15:00:00Z"), minute("2023-03-14T03:59:00Z"), minute("2023-03-14T04:00:00Z"),
        minute("2023-03-14T04:01:00Z"));

    minuteIngest.run(new IngestBarsCommand("ETH", "1m", bars, "job-days", ValidationMode.REJECT_BATCH, false, "producer"))
        .await().indefinitely();

    assertThat(landed).singleElement().satisfies(event -> assertThat(event.days()).containsExactly(
        java.util.Map.entry(java.time.LocalDate.parse("2023-03-13"),
            new BarsLanded.DaySummary(2, Instant.parse("2023-03-13T15:00:00Z"), Instant.parse("2023-03-14T03:59:00Z"))),
        java.util.Map.entry(java.time.LocalDate.parse("2023-03-14"),
            new BarsLanded.DaySummary(2, Instant.parse("2023-03-14T04:00:00Z"), Instant.parse("2023-03-14T04:01:00Z")))));
  }

  private static Bar minute(String ts) {
    return new Bar(Instant.parse(ts), 10.0, 11.0, 9.0, 10.0, 5.0);
  }

  @Test
  void rejectBatchRecordsAFailedJobWithTheRejectedRowsAndWritesNothing() {
    var bars = List.of(daily("2001-12-28", 10), new Bar(Instant.parse("2001-12-31T00:00:00Z"), 10.0, 9.0, 8.0, 10.0, 1.0));

    IngestionReport report = run(bars, "job-bad", ValidationMode.REJECT_BATCH, false);

    assertThat(report.status()).isEqualTo(JobStatus.FAILED);
    assertThat(report.rejected()).singleElement().satisfies(row -> assertThat(row.row()).isEqualTo(1));
    assertThat(lake.files).isEmpty();
    assertThat(jobs.outbox).isEmpty();
    assertThat(jobs.jobs.get("job-bad").status()).isEqualTo(JobStatus.FAILED);
  }

  @Test
  void dropBadRowsLandsTheGoodRowsAndStillReportsTheBadOnes() {
    var bars = List.of(daily("2001-12-28", 10), new Bar(null, 1.0, 1.0, 1.0, 1.0, 1.0), daily("2001-12-31", 11));

    IngestionReport report = run(bars, "job-drop", ValidationMode.DROP_BAD_ROWS, false);

    assertThat(report.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.accepted()).isEqualTo(2);
    assertThat(report.rejected()).singleElement().satisfies(row -> assertThat(row.policy()).isEqualTo("required-fields"));
  }

  @Test
  void resubmittingACompletedJobIdReplaysItsReportWithoutWritingAgain() {
    run(ACROSS_NEW_YEAR, "job-2", ValidationMode.REJECT_BATCH, false);
    int writes = lake.writes;

    IngestionReport again = run(ACROSS_NEW_YEAR, "job-2", ValidationMode.REJECT_BATCH, false);

    assertThat(again.replayed()).isTrue();
    assertThat(lake.writes).isEqualTo(writes);
    assertThat(jobs.outbox).hasSize(2);
  }

  @Test
  void resubmittingACompletedJobWhoseFilesLeftTheLakeLandsThemAgain() {
    IngestionReport first = run(ACROSS_NEW_YEAR, "job-lost", ValidationMode.REJECT_BATCH, false);
    lake.files.remove(first.files().getFirst().path()); // the run folder was wiped, say
    int writes = lake.writes;

    IngestionReport again = run(ACROSS_NEW_YEAR, "job-lost", ValidationMode.REJECT_BATCH, false);

    assertThat(again.replayed()).isFalse();
    assertThat(again.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(lake.writes).isGreaterThan(writes);
    assertThat(lake.files.keySet()).containsAll(first.files().stream().map(LandedFile::path).toList());
    assertThat(jobs.outbox).hasSize(2 * first.files().size()); // the warehouse hears of the files again
  }

  @Test
  void aFailureOnTheSecondFileRemovesTheFirstAndFailsTheJob() {
    lake.failOnWrite = 2;

    assertThatThrownBy(() -> run(ACROSS_NEW_YEAR, "job-3", ValidationMode.REJECT_BATCH, false)).hasMessageContaining("disk full");

    assertThat(lake.files).isEmpty();
    assertThat(jobs.outbox).isEmpty();
    assertThat(jobs.jobs.get("job-3").status()).isEqualTo(JobStatus.FAILED);
  }

  @Test
  void anEmptyBatchIsRefused() {
    assertThat(run(List.of(), "job-empty", ValidationMode.DROP_BAD_ROWS, false).error()).isEqualTo("the batch has no bars");
  }

  @Test
  void aJobIdThatIsNotASafeFileNameIsRefusedBeforeAnythingHappens() {
    assertThatThrownBy(() -> run(ACROSS_NEW_YEAR, "../../x", ValidationMode.REJECT_BATCH, false))
        .isInstanceOf(DomainException.Invalid.class);
    assertThat(jobs.jobs).isEmpty();
  }
}
