package dev.strata.agent.adapter.out.openai;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Waits as long as the provider's {@code Retry-After} asks (capped, so a hostile value cannot park
 * a request), otherwise backs off exponentially from the {@code @Retry} delay.
 */
public class RetryAfterBackoff implements CustomBackoffStrategy {

  static final long MAX_DELAY_MILLIS = 30_000;

  private long nextExponential;

  @Override
  public void init(long initialDelayInMillis) {
    nextExponential = Math.max(1, initialDelayInMillis);
  }

  @Override
  public long nextDelayInMillis(Throwable cause) {
    long exponential = nextExponential;
    nextExponential = Math.min(MAX_DELAY_MILLIS, nextExponential * 2);
    if (cause instanceof ProviderBusy busy && busy.retryAfter().isPresent()) {
      return Math.min(MAX_DELAY_MILLIS, busy.retryAfter().get().toMillis());
    }
    return exponential;
  }
}
