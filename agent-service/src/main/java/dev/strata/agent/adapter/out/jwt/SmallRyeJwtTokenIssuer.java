package dev.strata.agent.adapter.out.jwt;

import dev.strata.agent.domain.access.TokenIssuer;
import dev.strata.kernel.security.TokenClaims;
import io.smallrye.jwt.build.Jwt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@link TokenIssuer} with SmallRye JWT Build: RS256, signed with the key of
 * {@code smallrye.jwt.sign.key.location} (or inline {@code SMALLRYE_JWT_SIGN_KEY}) and naming it in the
 * header's {@code kid}, so verifiers holding two keys during a rotation pick the right one; {@code upn} =
 * {@code sub} = subject, {@code groups} = roles, {@code tver} = the instant of issue in epoch milliseconds.
 */
public class SmallRyeJwtTokenIssuer implements TokenIssuer {

  private final String issuer;
  private final String keyId;
  private final Duration longestLifetime;
  private final Clock clock;

  public SmallRyeJwtTokenIssuer(String issuer, String keyId, Duration longestLifetime, Clock clock) {
    this.issuer = issuer;
    this.keyId = keyId;
    this.longestLifetime = longestLifetime;
    this.clock = clock;
  }

  @Override
  public IssuedToken issue(String subject, Set<String> roles, Duration lifetime) {
    if (lifetime.compareTo(longestLifetime) > 0) {
      // services forget a revocation after the longest lifetime: a longer-lived token would outlive it
      throw new IllegalArgumentException("a token may live at most " + longestLifetime + ", not " + lifetime);
    }
    Instant now = clock.instant();
    String token = Jwt.issuer(issuer).upn(subject).subject(subject).groups(roles)
        .claim(TokenClaims.TOKEN_VERSION, now.toEpochMilli())
        .issuedAt(now).expiresAt(now.plus(lifetime))
        .jws().keyId(keyId).sign();
    return new IssuedToken(subject, token, lifetime.toSeconds());
  }
}
