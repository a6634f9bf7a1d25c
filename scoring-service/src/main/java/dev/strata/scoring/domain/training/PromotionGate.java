package dev.strata.scoring.domain.training;

import java.util.Map;
import java.util.Optional;

/**
 * The rule a newly trained version must pass to replace the champion. Its held-out AUC (how well it
 * ranks churners) must reach the floor {@code minAuc}, and it must beat the current champion's AUC
 * measured on the very same held-out rows: an AUC from another run's split is not comparable, and a
 * retrain that is merely as good does not replace a version already serving.
 */
public record PromotionGate(double minAuc) {

  /** What the gate decided and why, in words a reader of the training job understands. */
  public record Decision(boolean promote, String reason) {}

  /** @param champion the current champion on the candidate's held-out rows; empty when there is none */
  public Decision decide(Map<String, Double> candidate, Optional<Incumbent> champion) {
    double auc = auc(candidate);
    if (Double.isNaN(auc) || auc < minAuc) {
      return new Decision(false, "auc %.4f is below the floor %.4f".formatted(auc, minAuc));
    }
    if (champion.isEmpty()) {
      return new Decision(true, "auc %.4f reaches the floor %.4f and there is no champion".formatted(auc, minAuc));
    }
    Incumbent current = champion.get();
    if (!current.evaluated()) {
      return new Decision(true, "auc %.4f reaches the floor and champion version %s cannot be evaluated on the current features"
          .formatted(auc, current.version()));
    }
    double championAuc = auc(current.metrics());
    boolean beats = Double.isNaN(championAuc) || auc > championAuc;
    return new Decision(beats, "auc %.4f %s champion version %s's %.4f on the same held-out rows"
        .formatted(auc, beats ? "beats" : "does not beat", current.version(), championAuc));
  }

  private static double auc(Map<String, Double> metrics) {
    Double auc = metrics.get("auc");
    return auc == null ? Double.NaN : auc;
  }
}
