package dev.strata.scoring.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scoring.domain.scoring.ScoringJob;
import dev.strata.scoring.domain.training.TrainingJob;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailInterruptedJobsTest {

  private static final Instant BOOT = Instant.parse("2026-11-22T05:00:00Z");

  private final InMemoryTrainingJobs trainings = new InMemoryTrainingJobs();
  private final InMemoryScoringJobs scorings = new InMemoryScoringJobs();

  @Test
  void jobsLeftRunningByAnEarlierProcessAreFailedAsInterrupted() {
    trainings.save(TrainingJob.queued("t-old", "churn_model", BOOT.minusSeconds(60)).at("training", 1500));
    scorings.save(ScoringJob.started("s-old", 4, BOOT.minusSeconds(60)).progressed(1, 1000));

    assertThat(new FailInterruptedJobs(trainings, scorings).run(BOOT)).isEqualTo(2);

    TrainingJob training = trainings.find("t-old").orElseThrow();
    assertThat(training.state()).isEqualTo(TrainingJob.State.FAILED);
    assertThat(training.error()).isEqualTo("interrupted by restart");
    assertThat(training.stage()).as("where it stopped").isEqualTo("training");
    ScoringJob scoring = scorings.find("s-old").orElseThrow();
    assertThat(scoring.state()).isEqualTo(ScoringJob.State.FAILED);
    assertThat(scoring.error()).isEqualTo("interrupted by restart");
    assertThat(scoring.chunksDone()).isEqualTo(1);
  }

  @Test
  void finishedJobsAndJobsOfThisProcessAreLeftAlone() {
    trainings.save(TrainingJob.queued("t-done", "churn_model", BOOT.minusSeconds(60)).succeeded("3", true, Map.of("auc", 0.9)));
    trainings.save(TrainingJob.queued("t-new", "churn_model", BOOT.plusSeconds(1)));
    scorings.save(ScoringJob.started("s-new", null, BOOT.plusSeconds(1)));

    assertThat(new FailInterruptedJobs(trainings, scorings).run(BOOT)).isZero();

    assertThat(trainings.find("t-done").orElseThrow().state()).isEqualTo(TrainingJob.State.SUCCEEDED);
    assertThat(trainings.find("t-new").orElseThrow().state()).isEqualTo(TrainingJob.State.RUNNING);
    assertThat(scorings.find("s-new").orElseThrow().state()).isEqualTo(ScoringJob.State.RUNNING);
  }
}
