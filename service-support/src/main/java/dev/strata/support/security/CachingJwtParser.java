package dev.strata.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * smallrye-jwt's parser with a memory of the bearer tokens it has already verified. smallrye-jwt has
 * no cache of its own, and on a cached LLM answer or a one-row inference the RS256 check and claim
 * parsing cost more than the work itself; a client sends the same token for its whole lifetime.
 *
 * <p>Only successes are kept, keyed by the exact token text, so a changed byte is verified (and
 * refused, and audited) as before. An entry lives at most {@code strata.security.verified-tokens.max-age}
 * and never past the token's {@code exp}: that age bounds how long a token keeps passing after the
 * verification key is rotated. Strata's tokens are never revoked one by one, so nothing else changes.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {

  private final Cache<String, JsonWebToken> verified;

  @Inject
  public CachingJwtParser(JWTAuthContextInfo context, JWTCallerPrincipalFactory factory,
      @ConfigProperty(name = "strata.security.verified-tokens.max-age", defaultValue = "5M") Duration maxAge,
      @ConfigProperty(name = "strata.security.verified-tokens.max-size", defaultValue = "10000") long maxSize) {
    super(context, factory);
    this.verified = Caffeine.newBuilder().maximumSize(maxSize).expireAfter(new UntilExpiry(maxAge)).build();
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    JsonWebToken known = verified.getIfPresent(token);
    if (known != null) {
      return known;
    }
    JsonWebToken checked = super.parse(token);
    verified.put(token, checked);
    return checked;
  }

  boolean remembers(String token) {
    return verified.getIfPresent(token) != null;
  }

  /** A verified token is trusted for the shorter of the maximum age and its remaining lifetime. */
  record UntilExpiry(Duration maxAge) implements Expiry<String, JsonWebToken> {

    static long trustNanos(Duration maxAge, long expiresAtEpochSecond, long nowMillis) {
      long untilExpiry = Math.max(0, expiresAtEpochSecond * 1000 - nowMillis);
      return Duration.ofMillis(Math.min(untilExpiry, maxAge.toMillis())).toNanos();
    }

    @Override
    public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
      return trustNanos(maxAge, jwt.getExpirationTime(), System.currentTimeMillis());
    }

    @Override
    public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
      return expireAfterCreate(token, jwt, currentTime);
    }

    @Override
    public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
