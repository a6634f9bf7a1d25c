package dev.strata.scoring.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The metadata of one registered model version ({@code model.json}).
 *
 * <p>Invariants: the version is immutable once registered; {@code sha256} is the digest of the
 * version's {@code model.onnx} and is checked before the file is ever loaded; {@code features}
 * are in the column order of the ONNX input; for a classifier {@code positiveIndex} is the output
 * column that holds the probability of the positive class.
 *
 * @param trainingFingerprint sha256 over the training rows, so two versions trained on the same
 *     data can be recognised; {@code "external"} for an uploaded model
 */
public record ModelCard(
    String name,
    String version,
    ModelTask task,
    Instant trainedAt,
    Map<String, Double> metrics,
    List<FeatureSpec> features,
    String inputName,
    String outputName,
    Integer positiveIndex,
    String sha256,
    String trainingFingerprint) {

  public ModelCard {
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    features = List.copyOf(features);
  }

  public ModelRef ref() {
    return new ModelRef(name, version);
  }

  /** The same card as another version of the same model, with the artifact's digest. */
  public ModelCard registeredAs(String newVersion, String digest) {
    return new ModelCard(name, newVersion, task, trainedAt, metrics, features, inputName, outputName,
        positiveIndex, digest, trainingFingerprint);
  }

  public List<String> featureNames() {
    return features.stream().map(FeatureSpec::name).toList();
  }
}
