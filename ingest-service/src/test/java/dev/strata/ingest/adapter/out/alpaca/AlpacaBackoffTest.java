package dev.strata.ingest.adapter.out.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.support.http.RetryAfter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wait before the next attempt at the provider: its Retry-After when it gave one, else exponential, capped. */
class AlpacaBackoffTest {

  private static final Instant RECEIVED = Instant.parse("2026-10-21T07:27:30Z");

  @Test
  void theProvidersDateWinsOverTheExponentialBackoffAndBothStayUnderTheMaximum() {
    Duration first = Duration.ofMillis(500);
    Duration max = Duration.ofSeconds(30);

    assertThat(AlpacaMarketData.delay(1, RetryAfter.of("Wed, 21 Oct 2026 07:27:45 GMT", RECEIVED), first, max)).isEqualTo(Duration.ofSeconds(15));
    assertThat(AlpacaMarketData.delay(1, RetryAfter.of("Wed, 21 Oct 2026 09:00:00 GMT", RECEIVED), first, max)).isEqualTo(max);
    assertThat(AlpacaMarketData.delay(1, Optional.empty(), first, max)).isEqualTo(Duration.ofMillis(500));
    assertThat(AlpacaMarketData.delay(2, Optional.empty(), first, max)).isEqualTo(Duration.ofSeconds(1));
    assertThat(AlpacaMarketData.delay(4, Optional.empty(), first, max)).isEqualTo(Duration.ofSeconds(4));
    assertThat(AlpacaMarketData.delay(7, Optional.empty(), first, max)).isEqualTo(max);
    assertThat(AlpacaMarketData.delay(60, Optional.empty(), first, max)).isEqualTo(max);
  }
}
