package dev.strata.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.domain.execution.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void theLongestStepIsEveryAttemptTimingOutPlusEveryBackoffBetweenThem() {
    var policy = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(30));
    assertThat(policy.longestStep()).isEqualTo(Duration.ofSeconds(90).plusMillis(200 + 400));
  }

  @Test
  void backoffsStopGrowingAtSixteenTimesTheFirst() {
    var policy = new RetryPolicy(7, Duration.ofMillis(100), Duration.ofSeconds(1));
    // 100, 200, 400, 800, 1600, then capped at 1600
    assertThat(policy.longestStep()).isEqualTo(Duration.ofSeconds(7).plusMillis(100 + 200 + 400 + 800 + 1600 + 1600));
  }

  @Test
  void aSingleAttemptHasNoBackoff() {
    assertThat(new RetryPolicy(1, Duration.ofSeconds(5), Duration.ofSeconds(2)).longestStep()).isEqualTo(Duration.ofSeconds(2));
  }
}
