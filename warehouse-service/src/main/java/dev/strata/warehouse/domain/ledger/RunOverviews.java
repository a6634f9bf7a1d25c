package dev.strata.warehouse.domain.ledger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Read model of ingest runs for the operations UI. */
public interface RunOverviews {

  /** Runs ordered by start, newest first. */
  CompletionStage<List<RunOverview>> list(int limit);

  CompletionStage<Optional<RunOverview>> find(String runId);

  /** The runs whose first file arrived on {@code day} (UTC), newest first. */
  CompletionStage<List<RunOverview>> on(java.time.LocalDate day, int limit);

  /** The UTC days on which runs started, latest first. */
  CompletionStage<List<java.time.LocalDate>> days(int limit);
}
