package dev.strata.scoring.domain.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits rows into training and held-out sets by a hash of the customer id, so a customer always
 * lands on the same side however the rows are ordered or paged.
 */
public record HoldoutSplit(List<LabeledRow> training, List<LabeledRow> holdout) {

  public static HoldoutSplit of(List<LabeledRow> rows, double holdoutFraction) {
    List<LabeledRow> training = new ArrayList<>();
    List<LabeledRow> holdout = new ArrayList<>();
    for (LabeledRow row : rows) {
      int bucket = Math.floorMod(row.customerId().hashCode() * 0x9E3779B1, 1000);
      (bucket < holdoutFraction * 1000 ? holdout : training).add(row);
    }
    return new HoldoutSplit(training, holdout);
  }
}
