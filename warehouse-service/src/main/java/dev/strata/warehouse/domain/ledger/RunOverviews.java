package dev.strata.warehouse.domain.ledger;

import java.util.List;
import java.util.Optional;

/** Read model of ingest runs for the operations UI. */
public interface RunOverviews {

  /** Runs ordered by start, newest first. */
  List<RunOverview> list(int limit);

  Optional<RunOverview> find(String runId);

  /** The runs whose first file arrived on {@code day} (UTC), newest first. */
  List<RunOverview> on(java.time.LocalDate day, int limit);

  /** The UTC days on which runs started, latest first. */
  List<java.time.LocalDate> days(int limit);
}
