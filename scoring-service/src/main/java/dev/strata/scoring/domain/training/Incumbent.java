package dev.strata.scoring.domain.training;

import java.util.Map;

/**
 * The champion a training run competes with, judged on the run's own held-out rows.
 *
 * @param metrics the champion's metrics on those rows; empty when it cannot be evaluated on them (it
 *     needs a feature the warehouse no longer serves, or its artifact does not load)
 */
public record Incumbent(String version, Map<String, Double> metrics) {

  public Incumbent {
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
  }

  public boolean evaluated() {
    return !metrics.isEmpty();
  }
}
