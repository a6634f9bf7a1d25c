package dev.strata.scoring.adapter.out.tribuo;

import java.util.List;

/**
 * Per-feature mean and scale of the training rows. SGD converges far better on standardised
 * features (tenure in months and total charges in dollars differ by orders of magnitude).
 */
record Standardization(double[] mean, double[] scale) {

  static Standardization fit(List<double[]> rows, int width) {
    double[] mean = new double[width];
    double[] square = new double[width];
    for (double[] row : rows) {
      for (int j = 0; j < width; j++) {
        mean[j] += row[j];
        square[j] += row[j] * row[j];
      }
    }
    double[] scale = new double[width];
    for (int j = 0; j < width; j++) {
      mean[j] /= rows.size();
      double variance = square[j] / rows.size() - mean[j] * mean[j];
      // a constant column carries no information; a scale of 1 keeps it harmless
      scale[j] = variance > 1e-12 ? Math.sqrt(variance) : 1.0;
    }
    return new Standardization(mean, scale);
  }

  double[] apply(double[] values) {
    double[] scaled = new double[values.length];
    for (int j = 0; j < values.length; j++) {
      scaled[j] = (values[j] - mean[j]) / scale[j];
    }
    return scaled;
  }

  /** The same statistics with columns in {@code order} instead of {@code names}. */
  Standardization reorder(String[] names, List<String> order) {
    List<String> original = List.of(names);
    double[] m = new double[order.size()];
    double[] s = new double[order.size()];
    for (int j = 0; j < order.size(); j++) {
      int from = original.indexOf(order.get(j));
      m[j] = mean[from];
      s[j] = scale[from];
    }
    return new Standardization(m, s);
  }
}
