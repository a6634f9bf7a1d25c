package dev.strata.warehouse.domain.chart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The stored chart sets, by name. */
public interface ChartSets {

  /** Stores {@code set}, replacing the one of its name (its version then goes up by one). */
  CompletionStage<StoredChartSet> save(ChartSet set, Instant at);

  CompletionStage<Optional<StoredChartSet>> find(String name);

  /** Chart sets by name. */
  CompletionStage<List<StoredChartSet>> list(int limit);

  /** Whether there was one to delete. */
  CompletionStage<Boolean> delete(String name);

  /**
   * A chart set as stored.
   *
   * @param version 1 when created, one more at each replacement
   */
  record StoredChartSet(ChartSet set, int version, Instant createdAt, Instant updatedAt) {}
}
