package dev.strata.scoring.adapter.in.security;

import dev.strata.scoring.config.ScoringConfig;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * smallrye-jwt's parser with a cache of verified tokens in front of the bearer-token path
 * ({@link #parse(String)}, what Quarkus's JWT identity provider calls). smallrye-jwt has no cache
 * of its own, and on a one-row inference the RS256 check and claim parsing cost more than the
 * model. A token is verified in full the first time; after that the same string is accepted until
 * its {@code exp} (or {@code scoring.security.token-cache.max-age-seconds}, whichever is first).
 * A refused token is never cached, so every bad token is verified (and audited) again.
 */
@Alternative
@Priority(1)
@Singleton
public class CachingJwtParser implements JWTParser {

  private final DefaultJWTParser delegate;
  private final VerifiedTokenCache<JsonWebToken> verified;

  CachingJwtParser(DefaultJWTParser delegate, ScoringConfig config) {
    this.delegate = delegate;
    ScoringConfig.Security.TokenCache cache = config.security().tokenCache();
    this.verified = new VerifiedTokenCache<>(cache.capacity(), cache.maxAgeSeconds(), Clock.systemUTC());
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    JsonWebToken known = verified.get(token);
    if (known != null) {
      return known;
    }
    JsonWebToken fresh = delegate.parse(token);
    verified.put(token, fresh, fresh.getExpirationTime());
    return fresh;
  }

  // The other entry points take their own keys or context: verified in full every time
  @Override
  public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
    return delegate.parse(token, context);
  }

  @Override
  public JsonWebToken verify(String token, PublicKey key) throws ParseException {
    return delegate.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, SecretKey key) throws ParseException {
    return delegate.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, String secret) throws ParseException {
    return delegate.verify(token, secret);
  }

  @Override
  public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
    return delegate.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
    return delegate.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, String secret) throws ParseException {
    return delegate.decrypt(token, secret);
  }

  @Override
  public JsonWebToken parseOnly(String token) throws ParseException {
    return delegate.parseOnly(token);
  }
}
