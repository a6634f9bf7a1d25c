package dev.strata.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.strata.kernel.security.TokenClaims;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
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
 * verification key is rotated.
 *
 * <p>Remembered or not, a token whose subject's tokens were revoked since it was issued (its {@code tver}
 * below the subject's entry in {@link TokenRevocationList}) is refused: a 401, audited like any other
 * failed authentication ({@link SecurityAudit}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {

  private final Cache<String, JsonWebToken> verified;
  private final TokenRevocationList revocations;

  @Inject
  public CachingJwtParser(JWTAuthContextInfo context, JWTCallerPrincipalFactory factory, TokenRevocationList revocations,
      @ConfigProperty(name = "strata.security.verified-tokens.max-age", defaultValue = "5M") Duration maxAge,
      @ConfigProperty(name = "strata.security.verified-tokens.max-size", defaultValue = "10000") long maxSize) {
    super(context, factory);
    this.revocations = revocations;
    this.verified = Caffeine.newBuilder().maximumSize(maxSize).expireAfter(new UntilExpiry(maxAge)).build();
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    JsonWebToken jwt = verified.getIfPresent(token);
    if (jwt == null) {
      jwt = super.parse(token);
      verified.put(token, jwt);
    }
    if (revocations.refuses(subjectOf(jwt), versionOf(jwt))) {
      throw new ParseException("the token was revoked");
    }
    return jwt;
  }

  /** The revocable identity: {@code sub}, or for tokens minted without one, the principal name. */
  static String subjectOf(JsonWebToken jwt) {
    return jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
  }

  static long versionOf(JsonWebToken jwt) {
    return switch ((Object) jwt.getClaim(TokenClaims.TOKEN_VERSION)) {
      case JsonNumber number -> number.longValue();
      case Number number -> number.longValue();
      case null, default -> 0;
    };
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
