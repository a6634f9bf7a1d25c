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
   * Records {@code started} (IN_PROGRESS) under {@code claim} unless a job of that id exists that
   * may not be taken over — COMPLETED unless {@code overwrite}, or IN_PROGRESS under a claim whose
   * lease has not lapsed at {@code started.updatedAt()}: then that job is returned instead.
   */
  CompletionStage<Optional<IngestionJob>> begin(IngestionJob started, JobClaim claim, boolean overwrite);

  /**
   * Extends the lease of an IN_PROGRESS job (a heartbeat); false when {@code claim}'s holder no
   * longer holds the job (it finished, or another attempt took it over after the lease lapsed).
   */
  CompletionStage<Boolean> renew(String id, JobClaim claim);

  /**
   * Saves the finished job and queues {@code events} in the outbox, in one transaction, if
   * {@code holder} still holds it; false (and nothing written) when another attempt took it over.
   */
  CompletionStage<Boolean> finish(IngestionJob finished, String holder, List<Envelope<DatasetIngested>> events);
}
