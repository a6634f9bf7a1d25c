package dev.strata.agent.domain.execution;

import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One run of a workflow.
 *
 * <p>Invariants: a terminal execution never changes again; {@code nextStep} only grows; every
 * change bumps {@code version}, so a runner and a canceller that race never both win.
 *
 * @param workflowVersion the version of its workflow's definition it runs, kept while the workflow is edited;
 *     null until it is stored, when a start takes the workflow's version of that moment
 * @param forkedFrom the checkpoint this execution resumes from, if it was forked
 */
public record Execution(
    UUID id, UUID workflowId, Long workflowVersion, ExecutionStatus status, Map<String, Object> input, Object output, String error,
    String idempotencyKey, UUID forkedFrom, int nextStep, long version, Instant createdAt, Instant updatedAt) {

  public Execution {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(status, "status");
    input = input == null ? Map.of() : input;
  }

  public static Execution pending(UUID id, UUID workflowId, Map<String, Object> input, String idempotencyKey, UUID forkedFrom, Instant now) {
    return new Execution(id, workflowId, null, ExecutionStatus.PENDING, input, null, null, idempotencyKey, forkedFrom, 0, 0, now, now);
  }

  /** This execution, to run {@code version} of its workflow's definition (a fork runs its parent's). */
  public Execution onWorkflowVersion(long version) {
    return new Execution(id, workflowId, version, status, input, output, error, idempotencyKey, forkedFrom, nextStep, this.version, createdAt,
        updatedAt);
  }

  /** After step {@code index} committed. */
  public Execution stepDone(int index, Instant now) {
    requireLive();
    return new Execution(id, workflowId, workflowVersion, ExecutionStatus.RUNNING, input, output, error, idempotencyKey, forkedFrom, index + 1, version, createdAt, now);
  }

  public Execution succeed(Object result, Instant now) {
    requireLive();
    return new Execution(id, workflowId, workflowVersion, ExecutionStatus.SUCCEEDED, input, result, null, idempotencyKey, forkedFrom, nextStep, version, createdAt, now);
  }

  public Execution fail(String reason, Instant now) {
    requireLive();
    return new Execution(id, workflowId, workflowVersion, ExecutionStatus.FAILED, input, output, reason, idempotencyKey, forkedFrom, nextStep, version, createdAt, now);
  }

  /** This execution as stored at {@code version} (every stored change bumps it). */
  public Execution withVersion(long version) {
    return new Execution(id, workflowId, workflowVersion, status, input, output, error, idempotencyKey, forkedFrom, nextStep, version, createdAt, updatedAt);
  }

  public Execution cancel(Instant now) {
    requireLive();
    return new Execution(id, workflowId, workflowVersion, ExecutionStatus.CANCELLED, input, output, "cancelled", idempotencyKey, forkedFrom, nextStep, version, createdAt, now);
  }

  private void requireLive() {
    if (status.terminal()) {
      throw new DomainException.Conflict("execution " + id + " is already " + status);
    }
  }
}
