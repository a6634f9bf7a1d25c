package dev.strata.support.security;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Where this service's own token (role {@code service}) comes from: agent-service mints it itself, the
 * others ask agent-service for it ({@link AgentServiceTokens}). {@link ServiceTokenHeaders} renews it.
 */
@FunctionalInterface
public interface ServiceTokenSource {

  /** A fresh token; completes with null when this service has none configured (calls then go without one). */
  CompletionStage<ServiceToken> obtain();

  /** A bearer token and the instants between which it is valid. */
  record ServiceToken(String token, Instant issuedAt, Instant expiresAt) {

    /** At 80 % of its lifetime: early enough that a slow or failed renewal still has the rest to retry in. */
    Instant renewAt() {
      return issuedAt.plusMillis((expiresAt.toEpochMilli() - issuedAt.toEpochMilli()) * 4 / 5);
    }

    @Override
    public String toString() {
      return "ServiceToken[expiresAt=" + expiresAt + "]";
    }
  }
}
