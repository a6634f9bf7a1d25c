package dev.strata.kernel.api;

import java.util.List;
import java.util.Map;

/**
 * What scoring-service answers to {@code POST /scores/customers}.
 *
 * @param models the model name → version that produced the scores
 */
public record CustomerScores(List<Score> scores, Map<String, String> models) {

  /** One customer's churn probability (0..1) and risk (revenue at risk per month). */
  public record Score(String customerId, double churnProbability, double risk) {}

  public CustomerScores {
    scores = List.copyOf(scores);
    models = Map.copyOf(models);
  }
}
