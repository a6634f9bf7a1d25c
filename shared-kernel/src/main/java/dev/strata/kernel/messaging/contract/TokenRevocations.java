package dev.strata.kernel.messaging.contract;

import java.time.Instant;
import java.util.List;

/**
 * {@code token.revocations}: bearer tokens that must stop working. agent-service broadcasts one entry
 * when it revokes a subject's tokens and, on a schedule, every revocation younger than the longest
 * token lifetime, so that a service instance started later learns of them too. Every instance of every
 * service receives each message on a queue of its own (the fanout exchange {@code strata.tokens}).
 */
public record TokenRevocations(List<Revocation> revocations) {

  public TokenRevocations {
    revocations = revocations == null ? List.of() : List.copyOf(revocations);
  }

  /**
   * Tokens of {@code subject} (their {@code sub} claim) issued before {@code revokedAt} (claim {@code tver}:
   * the instant of issue in epoch milliseconds, 0 when absent) are refused; one longest token lifetime
   * after {@code revokedAt} every such token has expired, and the entry is dropped.
   */
  public record Revocation(String subject, Instant revokedAt) {

    /** The lowest token version that passes: tokens issued at or after the revocation. */
    public long version() {
      return revokedAt.toEpochMilli();
    }
  }
}
