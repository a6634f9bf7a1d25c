package dev.strata.agent.adapter.out.jwt;

import dev.strata.agent.domain.access.TokenIssuer;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;

/**
 * {@link TokenIssuer} with SmallRye JWT Build: RS256, signed with the key of
 * {@code smallrye.jwt.sign.key.location} (or inline {@code SMALLRYE_JWT_SIGN_KEY}), {@code upn} =
 * subject, {@code groups} = roles.
 */
public class SmallRyeJwtTokenIssuer implements TokenIssuer {

  private final String issuer;
  private final Duration lifetime;

  public SmallRyeJwtTokenIssuer(String issuer, Duration lifetime) {
    this.issuer = issuer;
    this.lifetime = lifetime;
  }

  @Override
  public IssuedToken issue(String subject, Set<String> roles) {
    String token = Jwt.issuer(issuer).upn(subject).subject(subject).groups(roles).expiresIn(lifetime).sign();
    return new IssuedToken(subject, token, lifetime.toSeconds());
  }
}
