package dev.strata.agent.application.access;

import dev.strata.agent.application.Async;
import dev.strata.agent.domain.access.RevokedTokens;
import dev.strata.agent.domain.execution.Outbox;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.TokenRevocations;
import dev.strata.kernel.messaging.contract.TokenRevocations.Revocation;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Takes back every token a subject holds: a token's version is the instant it was issued (epoch
 * milliseconds, claim {@code tver}), so a revocation at instant t refuses the subject's tokens issued
 * before t, and the tokens issued after it pass. Stored and broadcast on {@code token.revocations}
 * through the outbox, in the caller's unit of work; repeated until no token it refuses can be valid.
 */
public final class RevokeTokens {

  private final RevokedTokens revoked;
  private final Outbox outbox;
  private final UnitOfWork unitOfWork;
  private final Duration longestTokenLifetime;
  private final Clock clock;

  public RevokeTokens(RevokedTokens revoked, Outbox outbox, UnitOfWork unitOfWork, Duration longestTokenLifetime, Clock clock) {
    this.revoked = revoked;
    this.outbox = outbox;
    this.unitOfWork = unitOfWork;
    this.longestTokenLifetime = longestTokenLifetime;
    this.clock = clock;
  }

  /** Within the caller's unit of work: the subject's tokens issued until now stop working. */
  public CompletionStage<Void> of(String subject) {
    var revocation = new Revocation(subject, clock.instant());
    return revoked.record(revocation).thenCompose(x -> broadcast(List.of(revocation)));
  }

  /** Broadcasts again the revocations a valid token may still meet, for instances started since; how many. */
  public Uni<Integer> repeatRecent() {
    return Async.uni(() -> unitOfWork.write(() -> revoked.since(clock.instant().minus(longestTokenLifetime))
        .thenCompose(recent -> recent.isEmpty()
            ? CompletableFuture.completedFuture(0)
            : broadcast(recent).thenApply(x -> recent.size()))));
  }

  private CompletionStage<Void> broadcast(List<Revocation> revocations) {
    var type = MessageType.TOKEN_REVOCATIONS;
    return outbox.enqueue(type, Envelope.of(type, new TokenRevocations(revocations), null));
  }
}
