package dev.strata.support.security;

import dev.strata.kernel.messaging.contract.TokenRevocations.Revocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token revocations this instance knows of, by subject: a token issued before its subject's
 * revocation (its version, the issue instant in ms, below the revocation's) is refused ({@link CachingJwtParser}). An entry is dropped once the longest token
 * lifetime ({@code strata.security.token-max-lifetime}) has passed since its revocation: every token
 * it could refuse has expired by then.
 */
@ApplicationScoped
public class TokenRevocationList {

  private final Map<String, Revocation> bySubject = new ConcurrentHashMap<>();
  private final Duration maxLifetime;
  private final Clock clock;

  @Inject
  TokenRevocationList(@ConfigProperty(name = "strata.security.token-max-lifetime", defaultValue = "1h") Duration maxLifetime) {
    this(maxLifetime, Clock.systemUTC());
  }

  TokenRevocationList(Duration maxLifetime, Clock clock) {
    this.maxLifetime = maxLifetime;
    this.clock = clock;
  }

  /** Keeps the later of a subject's revocations: messages may arrive repeated and out of order. */
  public void apply(Revocation revocation) {
    if (expired(revocation, clock.instant())) {
      return;
    }
    bySubject.merge(revocation.subject(), revocation,
        (known, arrived) -> arrived.revokedAt().isAfter(known.revokedAt()) ? arrived : known);
    dropExpired();
  }

  /** Whether a token of {@code subject} carrying {@code tokenVersion} has been revoked. */
  public boolean refuses(String subject, long tokenVersion) {
    if (subject == null) {
      return false;
    }
    Revocation known = bySubject.get(subject);
    if (known == null) {
      return false;
    }
    if (expired(known, clock.instant())) {
      bySubject.remove(subject, known);
      return false;
    }
    return tokenVersion < known.version();
  }

  int size() {
    return bySubject.size();
  }

  private void dropExpired() {
    Instant now = clock.instant();
    bySubject.values().removeIf(revocation -> expired(revocation, now));
  }

  private boolean expired(Revocation revocation, Instant now) {
    return revocation.revokedAt().plus(maxLifetime).isBefore(now);
  }
}
