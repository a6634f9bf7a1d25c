package dev.strata.warehouse.domain.chart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored chart sets, by name. */
public interface ChartSets {

  /** Stores {@code set}, replacing the one of its name (its version then goes up by one). */
  StoredChartSet save(ChartSet set, Instant at);

  Optional<StoredChartSet> find(String name);

  /** Chart sets by name. */
  List<StoredChartSet> list(int limit);

  /** Whether there was one to delete. */
  boolean delete(String name);

  /**
   * A chart set as stored.
   *
   * @param version 1 when created, one more at each replacement
   */
  record StoredChartSet(ChartSet set, int version, Instant createdAt, Instant updatedAt) {}
}
