package dev.strata.agent.domain.access;

import java.time.Duration;
import java.util.Set;

/**
 * Signs bearer tokens every Strata service trusts. A token's version (claim {@code tver}) is the
 * instant it was issued: a revocation refuses a subject's tokens of earlier versions.
 */
@FunctionalInterface
public interface TokenIssuer {

  IssuedToken issue(String subject, Set<String> roles, Duration lifetime);

  /** A signed token for {@code subject} and its lifetime in seconds. */
  record IssuedToken(String subject, String accessToken, long expiresIn) {
    @Override
    public String toString() {
      return "IssuedToken[" + subject + ", expiresIn=" + expiresIn + "]";
    }
  }
}
