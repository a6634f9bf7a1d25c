package dev.strata.scoring.adapter.in.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

  private Instant now = Instant.parse("2026-11-22T05:00:00Z");
  private final Clock clock = new Clock() {
    public ZoneOffset getZone() { return ZoneOffset.UTC; }
    public Clock withZone(java.time.ZoneId zone) { return this; }
    public Instant instant() { return now; }
  };

  @Test
  void aVerifiedTokenIsServedUntilItExpires() {
    var cache = new VerifiedTokenCache<String>(10, 300, clock);
    cache.put("token-a", "A", now.getEpochSecond() + 60);
    assertThat(cache.get("token-a")).isEqualTo("A");
    assertThat(cache.get("token-b")).isNull();
    now = now.plusSeconds(60);
    assertThat(cache.get("token-a")).as("expired at exp").isNull();
  }

  @Test
  void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
    var cache = new VerifiedTokenCache<String>(10, 300, clock);
    cache.put("token-a", "A", now.getEpochSecond() + 86_400);
    now = now.plusSeconds(299);
    assertThat(cache.get("token-a")).isEqualTo("A");
    now = now.plusSeconds(1);
    assertThat(cache.get("token-a")).isNull();
  }

  @Test
  void anAlreadyExpiredTokenIsNeverCached() {
    var cache = new VerifiedTokenCache<String>(10, 300, clock);
    cache.put("token-a", "A", now.getEpochSecond());
    assertThat(cache.get("token-a")).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void theCacheNeverHoldsMoreThanItsCapacity() {
    var cache = new VerifiedTokenCache<String>(3, 300, clock);
    for (int i = 0; i < 10; i++) {
      cache.put("token-" + i, "T" + i, now.getEpochSecond() + 60);
      assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
    assertThat(cache.get("token-9")).isEqualTo("T9");
  }
}
