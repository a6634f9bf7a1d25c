package dev.strata.ingest.application;

import dev.strata.ingest.domain.job.IngestionJob;
import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.ingest.domain.job.JobStatus;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Jobs and their outbox in memory, with the take-over rules of the Postgres adapter. */
final class InMemoryJobs implements IngestionJobs {

  final Map<String, IngestionJob> jobs = new ConcurrentHashMap<>();
  final List<Envelope<DatasetIngested>> outbox = new ArrayList<>();

  @Override
  public CompletionStage<Optional<IngestionJob>> find(String id) {
    return CompletableFuture.completedFuture(Optional.ofNullable(jobs.get(id)));
  }

  @Override
  public CompletionStage<Optional<IngestionJob>> begin(IngestionJob started, boolean overwrite) {
    IngestionJob existing = jobs.get(started.id());
    boolean free = existing == null || existing.status() == JobStatus.FAILED
        || (overwrite && existing.status() == JobStatus.COMPLETED);
    if (free) {
      jobs.put(started.id(), started);
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return CompletableFuture.completedFuture(Optional.of(existing));
  }

  @Override
  public CompletionStage<Void> finish(IngestionJob finished, List<Envelope<DatasetIngested>> events) {
    jobs.put(finished.id(), finished);
    outbox.addAll(events);
    return CompletableFuture.completedFuture(null);
  }
}
