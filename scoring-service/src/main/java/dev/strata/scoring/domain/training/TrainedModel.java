package dev.strata.scoring.domain.training;

import java.util.List;

/**
 * What a trainer produced: the ONNX artifact, how to feed it, and the trainer's own predictor,
 * against which the held-out split is evaluated (and the ONNX export can be checked).
 *
 * @param featureOrder the training feature names in the column order of the ONNX input
 * @param positiveIndex for a classifier, the output column of the positive class; else null
 */
public record TrainedModel(
    byte[] onnx,
    List<String> featureOrder,
    String inputName,
    String outputName,
    Integer positiveIndex,
    Predictor predictor) {

  /** The trainer's own prediction: positive-class probability or regressed value per row. */
  @FunctionalInterface
  public interface Predictor {
    /** {@code rows} hold values in the training set's feature-name order. */
    double[] predict(List<double[]> rows);
  }
}
