package dev.strata.warehouse.domain.ledger;

import java.util.List;
import java.util.Optional;

/** Read model of ingest runs for the operations UI. */
public interface RunOverviews {

  /** Runs ordered by start, newest first. */
  List<RunOverview> list(int limit);

  Optional<RunOverview> find(String runId);
}
