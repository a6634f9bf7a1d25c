package dev.strata.scoring.domain.training;

import java.util.Map;

/**
 * The rule a newly trained version must pass to become champion: its held-out AUC (how well it
 * ranks churners) is at least {@code minAuc}.
 */
public record PromotionGate(double minAuc) {

  public boolean admits(Map<String, Double> metrics) {
    Double auc = metrics.get("auc");
    return auc != null && !auc.isNaN() && auc >= minAuc;
  }
}
