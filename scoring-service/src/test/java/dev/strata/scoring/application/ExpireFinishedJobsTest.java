package dev.strata.scoring.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scoring.domain.scoring.ScoringJob;
import dev.strata.scoring.domain.training.TrainingJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpireFinishedJobsTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final Duration KEEP = Duration.ofDays(7);

  private final InMemoryTrainingJobs trainings = new InMemoryTrainingJobs();
  private final InMemoryScoringJobs scorings = new InMemoryScoringJobs();
  private final ExpireFinishedJobs expiry = new ExpireFinishedJobs(trainings, scorings, KEEP);

  @Test
  void finishedJobsOlderThanTheRetentionAreDeletedOfBothKinds() {
    Instant eightDaysAgo = NOW.minus(Duration.ofDays(8));
    trainings.now = eightDaysAgo;
    scorings.now = eightDaysAgo;
    trainings.save(TrainingJob.queued("t-old", "churn_model", eightDaysAgo).succeeded("3", true, Map.of("auc", 0.9)));
    scorings.save(ScoringJob.started("s-old", 2, eightDaysAgo).failed("model missing", eightDaysAgo));

    assertThat(expiry.run(NOW).await().indefinitely()).isEqualTo(2);

    assertThat(trainings.find("t-old").toCompletableFuture().join()).isEmpty();
    assertThat(scorings.find("s-old").toCompletableFuture().join()).isEmpty();
  }

  @Test
  void aFinishedJobWithinTheRetentionStays() {
    trainings.now = NOW.minus(Duration.ofDays(6));
    trainings.save(TrainingJob.queued("t-recent", "churn_model", trainings.now).succeeded("3", true, Map.of("auc", 0.9)));

    assertThat(expiry.run(NOW).await().indefinitely()).isZero();
    assertThat(trainings.find("t-recent").toCompletableFuture().join()).isPresent();
  }

  @Test
  void aRunningJobIsNeverDeletedHoweverOld() {
    scorings.now = NOW.minus(Duration.ofDays(30));
    scorings.save(ScoringJob.started("s-running", 4, scorings.now).progressed(1, 1000));

    assertThat(expiry.run(NOW).await().indefinitely()).isZero();
    assertThat(scorings.find("s-running").toCompletableFuture().join()).isPresent();
  }
}
