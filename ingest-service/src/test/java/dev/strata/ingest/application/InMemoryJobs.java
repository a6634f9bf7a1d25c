package dev.strata.ingest.application;

import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.ingest.domain.job.JobClaim;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Jobs, their claims and their outbox in memory, with the take-over rules of the Postgres adapter. */
final class InMemoryJobs implements IngestionJobs {

  final Map<String, IngestionJob> jobs = new ConcurrentHashMap<>();
  final Map<String, JobClaim> claims = new ConcurrentHashMap<>();
  final List<Envelope<DatasetIngested>> outbox = new ArrayList<>();
  /** Failures the next finishes fail with, as a lost connection fails a commit, one per call. */
  final Deque<RuntimeException> failingFinishes = new ArrayDeque<>();

  @Override
  public CompletionStage<Optional<IngestionJob>> find(String id) {
    return CompletableFuture.completedFuture(Optional.ofNullable(jobs.get(id)));
  }

  @Override
  public synchronized CompletionStage<Optional<IngestionJob>> begin(IngestionJob started, JobClaim claim, boolean overwrite) {
    IngestionJob existing = jobs.get(started.id());
    boolean free = existing == null || existing.status() == JobStatus.FAILED
        || (existing.status() == JobStatus.IN_PROGRESS && claims.get(started.id()).lapsedAt(started.updatedAt()))
        || (overwrite && existing.status() == JobStatus.COMPLETED);
    if (free) {
      jobs.put(started.id(), started);
      claims.put(started.id(), claim);
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return CompletableFuture.completedFuture(Optional.of(existing));
  }

  @Override
  public synchronized CompletionStage<Boolean> renew(String id, JobClaim claim) {
    boolean held = holds(id, claim.holder());
    if (held) {
      claims.put(id, claim);
    }
    return CompletableFuture.completedFuture(held);
  }

  @Override
  public synchronized CompletionStage<Boolean> finish(IngestionJob finished, String holder, List<Envelope<DatasetIngested>> events) {
    if (!failingFinishes.isEmpty()) {
      return CompletableFuture.failedFuture(failingFinishes.poll());
    }
    boolean held = holds(finished.id(), holder);
    if (held) {
      jobs.put(finished.id(), finished);
      outbox.addAll(events);
    }
    return CompletableFuture.completedFuture(held);
  }

  private boolean holds(String id, String holder) {
    IngestionJob job = jobs.get(id);
    return job != null && job.status() == JobStatus.IN_PROGRESS && claims.get(id).holder().equals(holder);
  }
}
