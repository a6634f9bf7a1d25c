package dev.strata.agent.domain.access;

import dev.strata.kernel.messaging.contract.TokenRevocations.Revocation;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The token revocations agent-service made, kept as long as a token they refuse can still be valid. */
public interface RevokedTokens {

  /** Stores it in the caller's unit of work; a subject keeps its latest. */
  CompletionStage<Void> record(Revocation revocation);

  /** Every revocation made after {@code since}; older ones are forgotten. */
  CompletionStage<List<Revocation>> since(Instant since);
}
