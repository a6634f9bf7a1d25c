package dev.strata.agent.domain.access;

import java.util.Set;

/** Signs bearer tokens every Strata service trusts. */
@FunctionalInterface
public interface TokenIssuer {

  IssuedToken issue(String subject, Set<String> roles);

  /** A signed token and its lifetime in seconds. */
  record IssuedToken(String accessToken, long expiresIn) {
    @Override
    public String toString() {
      return "IssuedToken[expiresIn=" + expiresIn + "]";
    }
  }
}
