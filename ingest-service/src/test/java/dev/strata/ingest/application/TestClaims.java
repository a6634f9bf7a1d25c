package dev.strata.ingest.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Claim terms and a clock a test moves by hand, so leases lapse without waiting for them. */
final class TestClaims {

  static final Duration LEASE = Duration.ofSeconds(20);
  static final ClaimTerms TERMS = new ClaimTerms("test-process", LEASE, Duration.ofSeconds(5));

  private TestClaims() {
  }

  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
