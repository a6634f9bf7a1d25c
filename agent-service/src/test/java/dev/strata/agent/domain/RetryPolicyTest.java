package dev.strata.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.domain.execution.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void theLongestStepIsEveryAttemptTimingOutPlusEveryBackoffAtItsCap() {
    var policy = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(30));
    assertThat(policy.longestBackoff()).isEqualTo(Duration.ofMillis(3200));
    assertThat(policy.longestStep()).isEqualTo(Duration.ofSeconds(90).plusMillis(2 * 3200));
  }

  @Test
  void aSingleAttemptHasNoBackoff() {
    assertThat(new RetryPolicy(1, Duration.ofSeconds(5), Duration.ofSeconds(2)).longestStep()).isEqualTo(Duration.ofSeconds(2));
  }
}
