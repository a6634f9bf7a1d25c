package dev.strata.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.support.security.ServiceTokenSource.ServiceToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenewingServiceTokenTest {

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-12-07T08:00:00Z");

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  /** Issues token-1, token-2, … each valid 100 s from now; completes only when the test says so, if held back. */
  final class CountingSource implements ServiceTokenSource {
    final AtomicInteger issued = new AtomicInteger();
    volatile CompletableFuture<ServiceToken> heldBack;
    volatile boolean holdBack;

    @Override
    public CompletionStage<ServiceToken> obtain() {
      ServiceToken token = new ServiceToken("token-" + issued.incrementAndGet(), clock.now, clock.now.plusSeconds(100));
      if (holdBack) {
        heldBack = new CompletableFuture<>();
        return heldBack.thenApply(ignored -> token);
      }
      return CompletableFuture.completedFuture(token);
    }
  }

  private final TestClock clock = new TestClock();
  private final CountingSource source = new CountingSource();
  private final RenewingServiceToken token = new RenewingServiceToken(source, clock, Duration.ofSeconds(1));

  @Test
  void theTokenIsObtainedOnFirstUseAndKeptUntilEightyPercentOfItsLifetime() {
    assertThat(source.issued).hasValue(0);
    assertThat(token.current(true)).contains("token-1");

    clock.now = clock.now.plusSeconds(79);
    assertThat(token.current(true)).contains("token-1");
    assertThat(source.issued).hasValue(1);

    clock.now = clock.now.plusSeconds(2);
    assertThat(token.current(true)).contains("token-2");
    assertThat(source.issued).hasValue(2);
  }

  @Test
  void whileOneRenewalIsUnderWayTheStillValidTokenIsUsedAndNoSecondRenewalStarts() {
    token.current(true);
    clock.now = clock.now.plusSeconds(85);
    source.holdBack = true;

    for (int i = 0; i < 10; i++) {
      assertThat(token.current(true)).contains("token-1");
    }
    assertThat(source.issued).hasValue(2);

    source.heldBack.complete(null);
    assertThat(token.current(true)).contains("token-2");
  }

  @Test
  void anExpiredTokenIsNeverSentAndAnEventLoopCallerDoesNotWaitForItsRenewal() {
    token.current(true);
    clock.now = clock.now.plusSeconds(101);
    source.holdBack = true;

    assertThat(token.current(false)).isEmpty();
    source.heldBack.complete(null);
    assertThat(token.current(false)).contains("token-2");
  }

  @Test
  void withoutASourceTokenCallsGoWithoutOne() {
    RenewingServiceToken none = new RenewingServiceToken(() -> CompletableFuture.completedFuture(null), clock, Duration.ofSeconds(1));
    assertThat(none.current(true)).isEmpty();
  }
}
