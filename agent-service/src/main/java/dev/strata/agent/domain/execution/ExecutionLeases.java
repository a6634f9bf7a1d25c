package dev.strata.agent.domain.execution;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Who may run an execution's steps right now: one holder at a time, for a bounded time. A lease is
 * taken only when the execution has none, or its lease expired (its holder died or hung), so two
 * deliveries of the same execution never run the same step at once. A live holder keeps a short
 * lease by renewing it while a step runs, so a dead one's lapses soon. Called inside the caller's
 * unit of work; the database's clock decides expiry, so replicas agree on it.
 */
public interface ExecutionLeases {

  /** Takes the lease for {@code holder}; false when another holder's lease is still running. */
  CompletionStage<Boolean> claim(UUID executionId, UUID holder, Duration lease);

  /** Extends {@code holder}'s lease to {@code lease} from now; false when it is no longer {@code holder}'s. */
  CompletionStage<Boolean> renew(UUID executionId, UUID holder, Duration lease);

  /** Gives the lease up at once (a failed run), so a redelivery need not wait for it to expire. */
  CompletionStage<Void> release(UUID executionId, UUID holder);
}
