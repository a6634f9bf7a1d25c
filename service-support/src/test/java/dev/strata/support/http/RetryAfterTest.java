package dev.strata.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant RECEIVED = Instant.parse("2026-10-21T07:27:30Z");

  @Test
  void delaySecondsAreWaitedAsGiven() {
    assertThat(RetryAfter.of("1", RECEIVED)).contains(Duration.ofSeconds(1));
    assertThat(RetryAfter.of(" 120 ", RECEIVED)).contains(Duration.ofMinutes(2));
    assertThat(RetryAfter.of("0", RECEIVED)).contains(Duration.ZERO);
  }

  @Test
  void anImfFixdateIsWaitedForFromWhenTheAnswerArrived() {
    assertThat(RetryAfter.of("Wed, 21 Oct 2026 07:28:00 GMT", RECEIVED)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.of("Wed, 21 Oct 2026 08:27:30 GMT", RECEIVED)).contains(Duration.ofHours(1));
  }

  @Test
  void theObsoleteHttpDateFormsAreReadToo() {
    assertThat(RetryAfter.of("Wednesday, 21-Oct-26 07:28:00 GMT", RECEIVED)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.of("Wed Oct 21 07:28:00 2026", RECEIVED)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.of("Sun Nov  1 07:27:30 2026", RECEIVED)).contains(Duration.ofDays(11));
  }

  @Test
  void aTwoDigitYearMoreThanFiftyYearsAheadIsInThePast() {
    // 21-Oct-80 is 1980, not 2080: a date in the past asks for no wait
    assertThat(RetryAfter.of("Tuesday, 21-Oct-80 07:28:00 GMT", RECEIVED)).contains(Duration.ZERO);
    // 21-Oct-75 is 2075, under 50 years ahead
    assertThat(RetryAfter.of("Monday, 21-Oct-75 07:27:30 GMT", RECEIVED)).get()
        .isEqualTo(Duration.between(RECEIVED, Instant.parse("2075-10-21T07:27:30Z")));
  }

  @Test
  void aDateAlreadyPastAsksForNoWait() {
    assertThat(RetryAfter.of("Wed, 21 Oct 2026 07:00:00 GMT", RECEIVED)).contains(Duration.ZERO);
  }

  @Test
  void noHeaderOrOneThatCannotBeReadAsksForNothing() {
    assertThat(RetryAfter.of(null, RECEIVED)).isEmpty();
    assertThat(RetryAfter.of("", RECEIVED)).isEmpty();
    assertThat(RetryAfter.of("-5", RECEIVED)).isEmpty();
    assertThat(RetryAfter.of("1.5", RECEIVED)).isEmpty();
    assertThat(RetryAfter.of("soon", RECEIVED)).isEmpty();
    assertThat(RetryAfter.of("2026-10-21T07:28:00Z", RECEIVED)).isEmpty();
  }
}
