package dev.strata.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.support.security.CachingJwtParser.UntilExpiry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifiedTokenTrustTest {

  private static final long NOW_MILLIS = 1_800_000_000_000L;

  @Test
  void aShortLivedTokenIsTrustedUntilItsExpiry() {
    assertThat(UntilExpiry.trustNanos(Duration.ofMinutes(5), NOW_MILLIS / 1000 + 60, NOW_MILLIS))
        .isEqualTo(Duration.ofSeconds(60).toNanos());
  }

  @Test
  void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
    assertThat(UntilExpiry.trustNanos(Duration.ofMinutes(5), NOW_MILLIS / 1000 + 86_400, NOW_MILLIS))
        .isEqualTo(Duration.ofMinutes(5).toNanos());
  }

  @Test
  void anExpiredTokenIsNotTrustedAtAll() {
    assertThat(UntilExpiry.trustNanos(Duration.ofMinutes(5), NOW_MILLIS / 1000 - 1, NOW_MILLIS)).isZero();
  }
}
