package dev.strata.ingest.domain.job;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The ingestion jobs, with the outbox their completion writes to in the same transaction. */
public interface IngestionJobs {

  CompletionStage<Optional<IngestionJob>> find(String id);

  /**
   * Records {@code started} (IN_PROGRESS) unless a job of that id exists that may not be taken over
   * (COMPLETED unless {@code overwrite}, or IN_PROGRESS and recently touched): then that job is
   * returned instead.
   */
  CompletionStage<Optional<IngestionJob>> begin(IngestionJob started, boolean overwrite);

  /** Saves the finished job and queues {@code events} in the outbox, in one transaction. */
  CompletionStage<Void> finish(IngestionJob finished, List<Envelope<DatasetIngested>> events);
}
