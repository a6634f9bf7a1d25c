package dev.strata.scoring.application;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.kernel.api.CustomerScores;
import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.inference.Tensor;
import dev.strata.scoring.domain.inference.TensorData;
import dev.strata.scoring.domain.model.ModelCard;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one page of customers: lays the warehouse's columns out in each model's own feature
 * order, runs both models once over the whole page, and reads churn probability and risk.
 */
public class ChunkScorer {

  private final ScoringModels models;

  public ChunkScorer(ScoringModels models) {
    this.models = models;
  }

  public List<CustomerScores.Score> score(CustomerFeatures page, ModelCard churn, ModelCard risk) {
    if (page.rows().isEmpty()) {
      return List.of();
    }
    float[] probability = column(run(churn, page), page.rows().size(), churn.positiveIndex() == null ? 0 : churn.positiveIndex());
    float[] revenue = column(run(risk, page), page.rows().size(), 0);
    List<CustomerScores.Score> scores = new ArrayList<>(page.rows().size());
    for (int i = 0; i < page.rows().size(); i++) {
      // a linear regressor can dip below zero for loyal customers; no one's departure earns money
      scores.add(new CustomerScores.Score(page.rows().get(i).customerId(), probability[i], Math.max(0, revenue[i])));
    }
    return scores;
  }

  private Tensor run(ModelCard card, CustomerFeatures page) {
    List<String> needed = card.featureNames();
    int[] source = new int[needed.size()];
    for (int j = 0; j < needed.size(); j++) {
      source[j] = page.featureNames().indexOf(needed.get(j));
      if (source[j] < 0) {
        throw new IllegalStateException("model " + card.ref() + " needs feature '" + needed.get(j)
            + "' which warehouse-service does not serve; retrain the model");
      }
    }
    int n = page.rows().size();
    float[] matrix = new float[n * needed.size()];
    for (int i = 0; i < n; i++) {
      List<Double> values = page.rows().get(i).values();
      for (int j = 0; j < source.length; j++) {
        Double value = values.get(source[j]);
        matrix[i * source.length + j] = value == null ? 0f : value.floatValue();
      }
    }
    Tensor input = new Tensor(card.inputName(), new long[] {n, needed.size()}, new TensorData.Floats(matrix));
    return models.infer(card, List.of(input), List.of(card.outputName())).getFirst();
  }

  private static float[] column(Tensor output, int rows, int column) {
    int width = output.data().size() / rows;
    float[] values = new float[rows];
    for (int i = 0; i < rows; i++) {
      int at = i * width + column;
      values[i] = switch (output.data()) {
        case TensorData.Floats f -> f.values()[at];
        case TensorData.Doubles d -> (float) d.values()[at];
        case TensorData.Longs l -> l.values()[at];
        case TensorData.Strings s -> throw new IllegalStateException("model " + output.name() + " gives text, not scores");
      };
    }
    return values;
  }
}
