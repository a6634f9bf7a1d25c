package dev.strata.agent.adapter.out.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    assertThat(RetryAfter.parse("3", NOW)).contains(Duration.ofSeconds(3));
    assertThat(RetryAfter.parse("Sun, 22 Nov 2026 10:00:07 GMT", NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Sun, 22 Nov 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void aMissingOrGarbledRetryAfterMeansNoAdvice() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
  }

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
