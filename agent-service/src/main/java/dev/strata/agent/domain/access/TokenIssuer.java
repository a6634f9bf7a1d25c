package dev.strata.agent.domain.access;

import java.util.Set;

/** Signs bearer tokens every Strata service trusts. */
@FunctionalInterface
public interface TokenIssuer {

  IssuedToken issue(String subject, Set<String> roles);

  /** A signed token for {@code subject} and its lifetime in seconds. */
  record IssuedToken(String subject, String accessToken, long expiresIn) {
    @Override
    public String toString() {
      return "IssuedToken[" + subject + ", expiresIn=" + expiresIn + "]";
    }
  }
}
