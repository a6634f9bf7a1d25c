package dev.strata.agent.adapter.out.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterBackoffTest {

  @Test
  void theBackoffHonoursRetryAfterWithinACapAndOtherwiseDoubles() {
    RetryAfterBackoff backoff = new RetryAfterBackoff();
    backoff.init(100);
    assertThat(backoff.nextDelayInMillis(new RuntimeException())).isEqualTo(100);
    assertThat(backoff.nextDelayInMillis(new RuntimeException())).isEqualTo(200);
    assertThat(backoff.nextDelayInMillis(new ProviderBusy("429", Optional.of(Duration.ofSeconds(2)), null))).isEqualTo(2000);
    assertThat(backoff.nextDelayInMillis(new ProviderBusy("429", Optional.of(Duration.ofHours(1)), null)))
        .isEqualTo(RetryAfterBackoff.MAX_DELAY_MILLIS);
  }
}
