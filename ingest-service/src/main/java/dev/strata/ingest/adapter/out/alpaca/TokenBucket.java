package dev.strata.ingest.adapter.out.alpaca;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code perSecond}; {@link #take()}
 * waits for a token, so a pull never exceeds the provider's rate limit on its own.
 */
final class TokenBucket {

  private final double capacity;
  private final double perNano;
  private double tokens;
  private long refilledAt = System.nanoTime();

  TokenBucket(int capacity, double perSecond) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.tokens = capacity;
  }

  synchronized void take() throws InterruptedException {
    refill();
    while (tokens < 1) {
      long waitNanos = (long) Math.ceil((1 - tokens) / perNano);
      wait(Math.max(1, waitNanos / 1_000_000), 0);
      refill();
    }
    tokens -= 1;
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
    refilledAt = now;
  }
}
