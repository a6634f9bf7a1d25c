package dev.strata.support.security;

import dev.strata.support.security.ServiceTokenSource.ServiceToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Holds this service's token and renews it from its {@link ServiceTokenSource}: the first time it is
 * needed, then once 80 % of its lifetime has passed, one renewal at a time. While a renewal is under
 * way the held token, still valid, keeps being used; only a caller with no valid token waits for it.
 */
final class RenewingServiceToken {

  private static final Logger LOG = Logger.getLogger(RenewingServiceToken.class);

  private final ServiceTokenSource source;
  private final Clock clock;
  private final Duration patience;
  private final AtomicReference<CompletableFuture<ServiceToken>> renewal = new AtomicReference<>();
  private volatile ServiceToken held;

  RenewingServiceToken(ServiceTokenSource source, Clock clock, Duration patience) {
    this.source = source;
    this.clock = clock;
    this.patience = patience;
  }

  /**
   * The token to send, renewing it when due. Without a valid one, waits up to the patience for the
   * renewal when {@code mayWait} (not on an event loop), else answers empty at once.
   */
  Optional<String> current(boolean mayWait) {
    ServiceToken token = held;
    Instant now = clock.instant();
    if (token != null && now.isBefore(token.renewAt())) {
      return Optional.of(token.token());
    }
    CompletableFuture<ServiceToken> pending = renew();
    token = held; // the renewal may have completed already
    if (token != null && now.isBefore(token.expiresAt())) {
      return Optional.of(token.token());
    }
    if (!mayWait) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(pending.get(patience.toMillis(), TimeUnit.MILLISECONDS)).map(ServiceToken::token);
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private CompletableFuture<ServiceToken> renew() {
    CompletableFuture<ServiceToken> mine = new CompletableFuture<>();
    CompletableFuture<ServiceToken> underWay = renewal.compareAndExchange(null, mine);
    if (underWay != null) {
      return underWay;
    }
    CompletableFuture<ServiceToken> obtained;
    try {
      obtained = source.obtain().toCompletableFuture();
    } catch (RuntimeException e) {
      obtained = CompletableFuture.failedFuture(e);
    }
    obtained.whenComplete((token, failure) -> {
      if (failure == null && token != null) {
        held = token;
      } else if (failure != null) {
        LOG.warnf("could not obtain this service's token: %s", failure.getMessage());
      }
      // cleared before completing: whoever the completion wakes may start the next renewal
      renewal.set(null);
      if (failure == null) {
        mine.complete(token);
      } else {
        mine.completeExceptionally(failure);
      }
    });
    return mine;
  }
}
