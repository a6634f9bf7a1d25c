package dev.strata.scoring.application;

import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.inference.Tensor;
import dev.strata.scoring.domain.inference.TensorData;
import dev.strata.scoring.domain.model.ModelCard;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/**
 * Runs a model over rows whose columns come in another order than the model takes them (the
 * warehouse's, or a training run's): columns are matched by feature name, and the score is read from
 * the model's output (a classifier's positive-class column, a regressor's only one). A missing value is 0.
 */
final class ModelInputs {

  /** One row's value in one source column. */
  @FunctionalInterface
  interface Values {
    double at(int row, int column);
  }

  private ModelInputs() {}

  /** The first feature the model needs that {@code available} lacks. */
  static Optional<String> missingFeature(ModelCard card, List<String> available) {
    return card.featureNames().stream().filter(name -> !available.contains(name)).findFirst();
  }

  /** One score per row; fails when the model needs a feature the rows do not carry. */
  static Uni<float[]> scores(ScoringModels models, ModelCard card, List<String> available, int rows, Values values) {
    return Uni.createFrom().item(() -> input(card, available, rows, values))
        .chain(input -> Async.uni(() -> models.infer(card, List.of(input), List.of(card.outputName()))))
        .map(outputs -> column(outputs.getFirst(), rows, card.positiveIndex() == null ? 0 : card.positiveIndex()));
  }

  private static Tensor input(ModelCard card, List<String> available, int rows, Values values) {
    List<String> needed = card.featureNames();
    int[] source = new int[needed.size()];
    for (int j = 0; j < needed.size(); j++) {
      source[j] = available.indexOf(needed.get(j));
      if (source[j] < 0) {
        throw new IllegalStateException("model " + card.ref() + " needs feature '" + needed.get(j)
            + "' which warehouse-service does not serve; retrain the model");
      }
    }
    float[] matrix = new float[rows * needed.size()];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < source.length; j++) {
        matrix[i * source.length + j] = (float) values.at(i, source[j]);
      }
    }
    return new Tensor(card.inputName(), new long[] {rows, needed.size()}, new TensorData.Floats(matrix));
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
