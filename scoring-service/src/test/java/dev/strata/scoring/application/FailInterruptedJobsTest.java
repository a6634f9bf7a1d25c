package dev.strata.scoring.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scoring.domain.scoring.ScoringJob;
import dev.strata.scoring.domain.training.TrainingJob;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FailInterruptedJobsTest {

  private static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);

  private final InMemoryTrainingJobs trainings = new InMemoryTrainingJobs();
  private final InMemoryScoringJobs scorings = new InMemoryScoringJobs();
  private final JobsInFlight inFlight = new JobsInFlight();
  private final FailInterruptedJobs recovery = new FailInterruptedJobs(trainings, scorings, inFlight, LEASE);

  @Test
  void runningJobsWithoutAHeartbeatForTheLeaseAreFailedAsInterrupted() {
    trainings.now = NOW.minusSeconds(31);
    scorings.now = NOW.minusSeconds(31);
    trainings.save(TrainingJob.queued("t-old", "churn_model", NOW.minusSeconds(60)).at("training", 1500));
    scorings.save(ScoringJob.started("s-old", 4, NOW.minusSeconds(60)).progressed(1, 1000));

    assertThat(recovery.run(NOW).await().indefinitely()).isEqualTo(2);

    TrainingJob training = trainings.find("t-old").toCompletableFuture().join().orElseThrow();
    assertThat(training.state()).isEqualTo(TrainingJob.State.FAILED);
    assertThat(training.error()).isEqualTo("interrupted by restart");
    assertThat(training.stage()).as("where it stopped").isEqualTo("training");
    ScoringJob scoring = scorings.find("s-old").toCompletableFuture().join().orElseThrow();
    assertThat(scoring.state()).isEqualTo(ScoringJob.State.FAILED);
    assertThat(scoring.error()).isEqualTo("interrupted by restart");
    assertThat(scoring.chunksDone()).isEqualTo(1);
  }

  @Test
  void aJobAnotherProcessStillTouchesIsLeftAloneHoweverOldItIs() {
    trainings.now = NOW.minusSeconds(3600);
    trainings.save(TrainingJob.queued("t-elsewhere", "churn_model", NOW.minusSeconds(3600)).at("training", 1500));
    trainings.touch("t-elsewhere", NOW.minusSeconds(29)); // its runner's heartbeat, within the lease

    assertThat(recovery.run(NOW).await().indefinitely()).isZero();
    assertThat(trainings.find("t-elsewhere").toCompletableFuture().join().orElseThrow().state()).isEqualTo(TrainingJob.State.RUNNING);
  }

  @Test
  void finishedJobsAreLeftAlone() {
    trainings.now = NOW.minusSeconds(3600);
    trainings.save(TrainingJob.queued("t-done", "churn_model", NOW.minusSeconds(3600)).succeeded("3", true, Map.of("auc", 0.9)));

    assertThat(recovery.run(NOW).await().indefinitely()).isZero();
    assertThat(trainings.find("t-done").toCompletableFuture().join().orElseThrow().state()).isEqualTo(TrainingJob.State.SUCCEEDED);
  }

  @Test
  void thisProcessTouchesItsJobsInFlightAndNeverFailsThemEvenWhenTheirTouchIsOld() {
    List<Supplier<Uni<Void>>> queued = new ArrayList<>();
    scorings.now = NOW.minusSeconds(3600);
    scorings.save(ScoringJob.started("s-mine", 2, NOW.minusSeconds(3600)));
    scorings.save(ScoringJob.started("s-other", 2, NOW.minusSeconds(3600)));
    inFlight.run("s-mine", queued::add, () -> Uni.createFrom().voidItem());

    assertThat(recovery.run(NOW).await().indefinitely()).as("only the job nobody runs").isEqualTo(1);
    assertThat(scorings.find("s-mine").toCompletableFuture().join().orElseThrow().state()).isEqualTo(ScoringJob.State.RUNNING);
    assertThat(scorings.find("s-other").toCompletableFuture().join().orElseThrow().state()).isEqualTo(ScoringJob.State.FAILED);

    recovery.heartbeat(NOW).await().indefinitely();
    assertThat(scorings.touchedAt("s-mine").toCompletableFuture().join()).contains(NOW);

    queued.forEach(job -> job.get().await().indefinitely()); // the job's work returns: no longer in flight, so no longer touched
    recovery.heartbeat(NOW.plusSeconds(5)).await().indefinitely();
    assertThat(scorings.touchedAt("s-mine").toCompletableFuture().join()).contains(NOW);
  }

  @Test
  void aFinishedJobIsReadOnceNotOnEveryBeat() {
    trainings.now = NOW.minusSeconds(3600);
    trainings.save(TrainingJob.queued("t-done", "churn_model", NOW.minusSeconds(3600)).succeeded("3", true, Map.of("auc", 0.9)));

    recovery.run(NOW).await().indefinitely();
    recovery.run(NOW.plusSeconds(5)).await().indefinitely();
    recovery.run(NOW.plusSeconds(10)).await().indefinitely();

    assertThat(trainings.finds).isEqualTo(1);
  }

  @Test
  void aJobWithinTheLeaseIsNotReadAtAll() {
    trainings.now = NOW.minusSeconds(10);
    trainings.save(TrainingJob.queued("t-fresh", "churn_model", NOW.minusSeconds(10)).at("training", 1500));

    assertThat(recovery.run(NOW).await().indefinitely()).isZero();
    assertThat(trainings.finds).isZero();
  }
}
