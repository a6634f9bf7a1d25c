package dev.strata.agent.application;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionLeases;
import dev.strata.agent.domain.execution.ExecutionPath;
import dev.strata.agent.domain.execution.Resumption;
import dev.strata.agent.domain.execution.Executions;
import dev.strata.agent.domain.execution.Outbox;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.Query;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory fakes of the runner's ports; the unit of work commits nothing it does not finish. */
final class InMemoryRunnerPorts {

  final Map<UUID, Execution> executions = new ConcurrentHashMap<>();
  final List<Checkpoint> checkpoints = new ArrayList<>();
  final List<Envelope<?>> outbox = new ArrayList<>();

  static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  final UnitOfWork unitOfWork = new DirectUnitOfWork();

  /** Lease holders by execution; a lease here never expires (the tests give it up explicitly). */
  final Map<UUID, UUID> leases = new ConcurrentHashMap<>();

  final ExecutionLeases leasesPort = new ExecutionLeases() {
    @Override
    public synchronized CompletionStage<Boolean> claim(UUID executionId, UUID holder, java.time.Duration lease) {
      return done(holder.equals(leases.computeIfAbsent(executionId, id -> holder)));
    }

    @Override
    public CompletionStage<Boolean> renew(UUID executionId, UUID holder, java.time.Duration lease) {
      boolean held = holder.equals(leases.get(executionId));
      renewals.incrementAndGet();
      renewed.forEach(Runnable::run);
      return done(held);
    }

    @Override
    public CompletionStage<Void> release(UUID executionId, UUID holder) {
      if (releasesToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return CompletableFuture.failedFuture(new IllegalStateException("Connection closed"));
      }
      leases.remove(executionId, holder);
      return done(null);
    }
  };

  /** Renewals of any lease so far, and what to do after each. */
  final java.util.concurrent.atomic.AtomicInteger renewals = new java.util.concurrent.atomic.AtomicInteger();
  final List<Runnable> renewed = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** How many of the next releases fail as on a connection the database cut. */
  final java.util.concurrent.atomic.AtomicInteger releasesToFail = new java.util.concurrent.atomic.AtomicInteger();

  final Outbox outboxPort = new Outbox() {
    @Override
    public <T> CompletionStage<Void> enqueue(MessageType<T> type, Envelope<T> envelope) {
      outbox.add(envelope);
      return done(null);
    }
  };

  final Checkpoints checkpointsPort = new Checkpoints() {
    @Override
    public synchronized CompletionStage<Checkpoint> append(Checkpoint checkpoint) {
      if (checkpoints.stream().anyMatch(c -> c.executionId().equals(checkpoint.executionId()) && c.stepIndex() == checkpoint.stepIndex())) {
        return CompletableFuture.failedFuture(new DomainException.Conflict("step already checkpointed"));
      }
      checkpoints.add(checkpoint);
      return done(checkpoint);
    }

    @Override
    public CompletionStage<Optional<Checkpoint>> get(UUID id) {
      return done(checkpoints.stream().filter(c -> c.id().equals(id)).findFirst());
    }

    @Override
    public CompletionStage<Optional<Checkpoint>> latest(UUID executionId) {
      return done(checkpoints.stream().filter(c -> c.executionId().equals(executionId)).max(Comparator.comparingInt(Checkpoint::stepIndex)));
    }

    @Override
    public CompletionStage<List<Checkpoint>> of(UUID executionId) {
      return done(checkpoints.stream().filter(c -> c.executionId().equals(executionId)).toList());
    }

    @Override
    public CompletionStage<Long> prune(java.util.OptionalInt keepLast, Optional<java.time.Instant> createdBefore) {
      throw new UnsupportedOperationException("the runner never prunes");
    }
  };

  final Executions executionsPort = new Executions() {
    @Override
    public CompletionStage<Optional<Execution>> byIdempotencyKey(UUID workflowId, String key) {
      return done(executions.values().stream().filter(e -> e.workflowId().equals(workflowId) && key.equals(e.idempotencyKey())).findFirst());
    }

    @Override
    public CompletionStage<Optional<Execution>> get(UUID id) {
      return done(Optional.ofNullable(executions.get(id)));
    }

    @Override
    public CompletionStage<Page<Execution>> list(Query query) {
      return done(new Page<>(List.copyOf(executions.values()), executions.size(), 0, query.limit()));
    }

    @Override
    public CompletionStage<Long> count(Query query) {
      return done((long) executions.size());
    }

    @Override
    public CompletionStage<Execution> create(Execution execution) {
      executions.put(execution.id(), execution);
      return done(execution);
    }

    @Override
    public CompletionStage<List<Execution>> createMany(List<Execution> all) {
      all.forEach(this::create);
      return done(all);
    }

    @Override
    public synchronized CompletionStage<Execution> update(Execution execution) {
      Execution stored = executions.get(execution.id());
      if (stored.version() != execution.version()) {
        return CompletableFuture.failedFuture(new DomainException.Conflict("stale"));
      }
      Execution next = execution.withVersion(execution.version() + 1);
      executions.put(next.id(), next);
      return done(next);
    }

    @Override
    public CompletionStage<Void> delete(UUID id) {
      executions.remove(id);
      return done(null);
    }
  };

  /** The common path's writes on the same maps; each one atomic, as the SQL adapter's statements are. */
  ExecutionPath path(Workflows workflows) {
    Object lock = this;
    return new ExecutionPath() {
      @Override
      public CompletionStage<Optional<Execution>> start(Execution pending, Outgoing<?> message) {
        synchronized (lock) {
          boolean keyUsed = executions.values().stream()
              .anyMatch(e -> e.workflowId().equals(pending.workflowId()) && pending.idempotencyKey().equals(e.idempotencyKey()));
          var workflow = workflows.get(pending.workflowId()).toCompletableFuture().join();
          if (keyUsed || workflow.isEmpty()) {
            return done(Optional.empty());
          }
          Execution stored = pending.workflowVersion() != null ? pending : pending.onWorkflowVersion(workflow.get().version());
          executions.put(stored.id(), stored);
          outbox.add(message.envelope());
          return done(Optional.of(stored));
        }
      }

      @Override
      public CompletionStage<Optional<Claim>> claim(UUID executionId, UUID holder, java.time.Duration lease) {
        synchronized (lock) {
          Execution execution = executions.get(executionId);
          if (execution == null || execution.status().terminal() || !holder.equals(leases.computeIfAbsent(executionId, id -> holder))) {
            return done(Optional.empty());
          }
          var steps = workflows.get(execution.workflowId()).toCompletableFuture().join().map(w -> w.definition().steps());
          Optional<Checkpoint> own = checkpoints.stream().filter(c -> c.executionId().equals(executionId)).max(Comparator.comparingInt(Checkpoint::stepIndex));
          Optional<Checkpoint> forked = checkpoints.stream().filter(c -> c.id().equals(execution.forkedFrom())).findFirst();
          return done(steps.map(all -> new Claim(execution, all, Resumption.of(execution, own, forked))));
        }
      }

      @Override
      public CompletionStage<Optional<Execution>> commitStep(Execution progressed, UUID holder, java.time.Duration lease, Checkpoint checkpoint,
          List<Outgoing<?>> messages) {
        synchronized (lock) {
          Execution stored = executions.get(progressed.id());
          if (stored == null || stored.status().terminal() || stored.version() != progressed.version() || !holder.equals(leases.get(progressed.id()))) {
            return done(Optional.empty());
          }
          if (checkpoints.stream().anyMatch(c -> c.executionId().equals(checkpoint.executionId()) && c.stepIndex() == checkpoint.stepIndex())) {
            return CompletableFuture.failedFuture(new DomainException.Conflict("step already checkpointed"));
          }
          checkpoints.add(checkpoint);
          messages.forEach(message -> outbox.add(message.envelope()));
          Execution next = progressed.withVersion(progressed.version() + 1);
          executions.put(next.id(), next);
          return done(Optional.of(next));
        }
      }
    };
  }
}
