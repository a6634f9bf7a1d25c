package dev.strata.kernel.api;

import java.util.List;
import java.util.Map;

/**
 * The gold customer features warehouse-service serves ({@code GET /customer-features}) and
 * scoring-service trains and scores on.
 *
 * @param featureNames the order of every row's {@code values}
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record CustomerFeatures(List<String> featureNames, List<Row> rows, String nextCursor) {

  /**
   * One customer's features.
   *
   * @param churned the churn label; null for a customer whose outcome is unknown
   * @param monthlyCharges revenue per month, which risk scoring weighs
   */
  public record Row(String customerId, List<Double> values, Boolean churned, double monthlyCharges) {}

  public CustomerFeatures {
    featureNames = List.copyOf(featureNames);
    rows = List.copyOf(rows);
  }

  /** The row's values by feature name. */
  public Map<String, Double> named(Row row) {
    var named = new java.util.LinkedHashMap<String, Double>();
    for (int i = 0; i < featureNames.size(); i++) {
      named.put(featureNames.get(i), row.values().get(i));
    }
    return named;
  }
}
