package dev.strata.scoring.domain.training;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Held-out metrics. Every model is judged by how well its score ranks churners (AUC); a
 * classifier also by log loss and expected calibration error, a regressor by RMSE and R².
 */
public final class Evaluation {

  private static final int CALIBRATION_BINS = 10;
  private static final double EPS = 1e-15;

  private Evaluation() {}

  public static Map<String, Double> classifier(double[] probability, List<LabeledRow> rows) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("auc", auc(probability, rows));
    double loss = 0;
    for (int i = 0; i < probability.length; i++) {
      double p = Math.min(1 - EPS, Math.max(EPS, probability[i]));
      loss -= rows.get(i).churned() ? Math.log(p) : Math.log(1 - p);
    }
    metrics.put("log_loss", loss / probability.length);
    metrics.put("calibration_error", expectedCalibrationError(probability, rows));
    metrics.put("holdout_rows", (double) rows.size());
    return metrics;
  }

  public static Map<String, Double> regressor(double[] predicted, List<LabeledRow> rows) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("auc", auc(predicted, rows));
    double mean = rows.stream().mapToDouble(LabeledRow::target).average().orElse(0);
    double residual = 0;
    double total = 0;
    for (int i = 0; i < predicted.length; i++) {
      double target = rows.get(i).target();
      residual += (target - predicted[i]) * (target - predicted[i]);
      total += (target - mean) * (target - mean);
    }
    metrics.put("rmse", Math.sqrt(residual / predicted.length));
    metrics.put("r2", total == 0 ? 0 : 1 - residual / total);
    metrics.put("holdout_rows", (double) rows.size());
    return metrics;
  }

  /** Probability that a random churner scores above a random stayer (ties count half). */
  public static double auc(double[] score, List<LabeledRow> rows) {
    Integer[] order = new Integer[score.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (rows.get(order[k]).churned()) {
          rankSum += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = score.length - positives;
    if (positives == 0 || negatives == 0) {
      return 0.5;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Mean |predicted − observed churn rate| over ten equal-width probability bins, row-weighted. */
  static double expectedCalibrationError(double[] probability, List<LabeledRow> rows) {
    double[] predicted = new double[CALIBRATION_BINS];
    double[] observed = new double[CALIBRATION_BINS];
    int[] count = new int[CALIBRATION_BINS];
    for (int i = 0; i < probability.length; i++) {
      int bin = Math.min(CALIBRATION_BINS - 1, (int) (probability[i] * CALIBRATION_BINS));
      predicted[bin] += probability[i];
      observed[bin] += rows.get(i).churned() ? 1 : 0;
      count[bin]++;
    }
    double error = 0;
    for (int b = 0; b < CALIBRATION_BINS; b++) {
      if (count[b] > 0) {
        error += Math.abs(predicted[b] - observed[b]);
      }
    }
    return error / probability.length;
  }
}
