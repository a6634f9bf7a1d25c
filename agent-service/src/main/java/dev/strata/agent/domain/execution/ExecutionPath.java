package dev.strata.agent.domain.execution;

import dev.strata.agent.domain.workflow.Step;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The three writes every execution takes — its start, its claim, each step's commit — each atomic
 * on its own, with no unit of work around it, so an adapter can make each one round trip. Each
 * answers "no" for every case off the common path; the caller then looks closer in a unit of work
 * of its own ({@link Executions}, {@link ExecutionLeases}).
 */
public interface ExecutionPath {

  /** A claimed execution: its state as read, the steps of its workflow version, where the run picks up. */
  record Claim(Execution execution, List<Step> steps, Resumption from) {}

  /** A message that leaves through the outbox with the write that queues it. */
  record Outgoing<T>(MessageType<T> type, Envelope<T> envelope) {}

  /**
   * Stores the PENDING execution and its {@code workflow.execute} message together, on the workflow version it
   * names or else the workflow's current one; answers it as stored, or empty when its workflow does not exist or
   * already has an execution with its idempotency key.
   */
  CompletionStage<Optional<Execution>> start(Execution pending, Outgoing<?> message);

  /**
   * Takes the lease of a live execution whose lease is free (or already {@code holder}'s), and answers
   * it with its workflow's steps and where to resume; empty when it does not exist, ended, is leased
   * by another holder, or its workflow is gone.
   */
  CompletionStage<Optional<Claim>> claim(UUID executionId, UUID holder, Duration lease);

  /**
   * Appends the step's checkpoint, queues its messages and stores {@code progressed} (the execution
   * as read, changed), renewing {@code holder}'s lease for {@code lease} — only while the stored
   * execution is still live, at {@code progressed}'s version and leased by {@code holder}. Answers
   * the stored execution with its new version, or empty when it was not written; fails with a
   * conflict when the step already has a checkpoint.
   */
  CompletionStage<Optional<Execution>> commitStep(Execution progressed, UUID holder, Duration lease, Checkpoint checkpoint,
      List<Outgoing<?>> messages);
}
