package dev.strata.ingest.adapter.out.alpaca;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code perSecond}; {@link #take()}
 * waits for a token, so a pull never exceeds the provider's rate limit on its own.
 */
final class TokenBucket {

  /** How the bucket waits for a token, while it holds its own monitor. */
  interface Pause {
    void nanos(long nanos) throws InterruptedException;
  }

  private final double capacity;
  private final double perNano;
  private final LongSupplier clock;
  private final Pause pause;
  private double tokens;
  private long refilledAt;

  /** A bucket on a clock in nanoseconds that waits with {@code pause}, or on its monitor when that is null. */
  TokenBucket(int capacity, double perSecond, LongSupplier clock, Pause pause) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.clock = clock;
    this.pause = pause != null ? pause : this::waitNanos;
    this.tokens = capacity;
    this.refilledAt = clock.getAsLong();
  }

  /** The provider's limit: a tenth of a minute's requests at once, refilled evenly over the minute. */
  static TokenBucket perMinute(int requestsPerMinute) {
    return perMinute(requestsPerMinute, System::nanoTime, null);
  }

  static TokenBucket perMinute(int requestsPerMinute, LongSupplier clock, Pause pause) {
    return new TokenBucket(Math.max(1, requestsPerMinute / 10), requestsPerMinute / 60.0, clock, pause);
  }

  synchronized void take() throws InterruptedException {
    refill();
    while (tokens < 1) {
      pause.nanos((long) Math.ceil((1 - tokens) / perNano));
      refill();
    }
    tokens -= 1;
  }

  /** Waits on the monitor rather than sleeping in it, so other callers are not held outside meanwhile. */
  private void waitNanos(long nanos) throws InterruptedException {
    wait(Math.max(1, nanos / 1_000_000), 0);
  }

  private void refill() {
    long now = clock.getAsLong();
    tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
    refilledAt = now;
  }
}
