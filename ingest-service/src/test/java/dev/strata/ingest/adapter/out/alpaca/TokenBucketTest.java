package dev.strata.ingest.adapter.out.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bucket on a clock moved by hand: a wait advances the clock by what the bucket asked for. */
class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  private long now = 7 * SECOND;
  private final List<Long> waits = new ArrayList<>();

  private TokenBucket bucket(int capacity, double perSecond) {
    return new TokenBucket(capacity, perSecond, () -> now, this::pause);
  }

  private void pause(long nanos) {
    waits.add(nanos);
    now += nanos;
  }

  @Test
  void aFullBucketLetsItsCapacityThroughAtOnceAndTheNextRequestWaitsForOneTokensRefill() throws Exception {
    TokenBucket bucket = bucket(3, 2);

    for (int request = 0; request < 3; request++) {
      bucket.take();
    }
    assertThat(waits).isEmpty();

    bucket.take();
    assertThat(waits).hasSize(1);
    assertThat(waits.getFirst()).isCloseTo(SECOND / 2, offset(1_000L));
  }

  @Test
  void aPartlyRefilledTokenIsWaitedForOnlyForWhatIsMissing() throws Exception {
    TokenBucket bucket = bucket(1, 4);
    bucket.take();

    now += SECOND / 10; // 0.4 of a token back
    bucket.take();

    assertThat(waits).hasSize(1);
    assertThat(waits.getFirst()).isCloseTo(SECOND * 15 / 100, offset(1_000L));
  }

  @Test
  void tokensComeBackWithTimeButNeverBeyondTheCapacity() throws Exception {
    TokenBucket bucket = bucket(2, 1);
    bucket.take();
    bucket.take();

    now += Duration.ofHours(1).toNanos();
    bucket.take();
    bucket.take();
    assertThat(waits).isEmpty();

    bucket.take();
    assertThat(waits).hasSize(1);
    assertThat(waits.getFirst()).isCloseTo(SECOND, offset(1_000L));
  }

  @Test
  void theProvidersLimitIsKeptOverAMinuteOfBackToBackRequests() throws Exception {
    // the adapter's bucket for 200 requests a minute: 20 at once, then one every 0.3 s
    TokenBucket bucket = TokenBucket.perMinute(200, () -> now, this::pause);
    long start = now;
    int granted = 0;
    while (true) {
      bucket.take();
      if (now - start >= Duration.ofMinutes(1).toNanos()) {
        break;
      }
      granted++;
    }

    assertThat(granted).isBetween(200, 200 + 20);
    assertThat(waits).hasSizeGreaterThanOrEqualTo(200).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(SECOND * 3 / 10 + 1_000));
  }

  @Test
  void aWaitThatIsInterruptedEndsTheTakeWithTheInterruption() throws Exception {
    TokenBucket bucket = new TokenBucket(1, 1, () -> now, nanos -> {
      throw new InterruptedException("stopped");
    });
    bucket.take();

    assertThatThrownBy(bucket::take).isInstanceOf(InterruptedException.class);
  }
}
