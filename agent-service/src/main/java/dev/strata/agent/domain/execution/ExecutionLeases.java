package dev.strata.agent.domain.execution;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Who may run an execution's steps right now: one holder at a time, for a bounded time. A lease is
 * taken only when the execution has none, or its lease expired (its holder died or hung), so two
 * deliveries of the same execution never run the same step at once. Called inside the caller's
 * unit of work; the database's clock decides expiry, so replicas agree on it.
 */
public interface ExecutionLeases {

  /** Takes the lease for {@code holder}; false when another holder's lease is still running. */
  CompletionStage<Boolean> claim(UUID executionId, UUID holder, Duration lease);

  /** Gives the lease up at once (a failed run), so a redelivery need not wait for it to expire. */
  CompletionStage<Void> release(UUID executionId, UUID holder);
}
