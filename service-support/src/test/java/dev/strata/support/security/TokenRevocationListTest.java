package dev.strata.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.kernel.messaging.contract.TokenRevocations.Revocation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenRevocationListTest {

  private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
  private final TokenRevocationList list = new TokenRevocationList(Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aTokenBelowItsSubjectsRevokedVersionIsRefusedAndOnlyThatSubjectsTokens() {
    list.apply(new Revocation("alice", NOW));
    long revoked = NOW.toEpochMilli();

    assertThat(list.refuses("alice", 0)).isTrue();
    assertThat(list.refuses("alice", revoked - 1)).isTrue();
    assertThat(list.refuses("alice", revoked)).isFalse();
    assertThat(list.refuses("bob", 0)).isFalse();
  }

  @Test
  void anOlderRevocationArrivingLateNeverLowersTheVersion() {
    list.apply(new Revocation("alice", NOW));
    list.apply(new Revocation("alice", NOW.minusSeconds(60)));

    assertThat(list.refuses("alice", NOW.minusSeconds(30).toEpochMilli())).isTrue();
  }

  @Test
  void aRevocationOlderThanTheLongestTokenLifetimeIsForgottenSinceItsTokensHaveExpired() {
    list.apply(new Revocation("alice", NOW.minus(Duration.ofMinutes(61))));
    list.apply(new Revocation("bob", NOW.minus(Duration.ofMinutes(59))));

    assertThat(list.refuses("alice", 0)).isFalse();
    assertThat(list.refuses("bob", 0)).isTrue();
    assertThat(list.size()).isEqualTo(1);
  }
}
