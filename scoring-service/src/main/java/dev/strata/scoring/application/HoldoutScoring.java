package dev.strata.scoring.application;

import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelTask;
import dev.strata.scoring.domain.training.Evaluation;
import dev.strata.scoring.domain.training.LabeledRow;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/**
 * A registered version scored through ONNX Runtime on a training run's held-out rows, with the
 * run's metrics. The champion and the candidate are both measured this way, on the same rows and
 * the same runtime, so their AUCs can be compared: an identical retrain scores identically.
 */
class HoldoutScoring {

  private static final System.Logger LOG = System.getLogger(HoldoutScoring.class.getName());

  private final ScoringModels models;

  HoldoutScoring(ScoringModels models) {
    this.models = models;
  }

  /** Empty when the version cannot be scored on these rows (a feature they lack, an artifact that does not load). */
  Uni<Map<String, Double>> evaluate(ModelCard card, List<String> featureNames, List<LabeledRow> holdout) {
    if (ModelInputs.missingFeature(card, featureNames).isPresent()) {
      return Uni.createFrom().item(Map.of());
    }
    return ModelInputs.scores(models, card, featureNames, holdout.size(), (i, j) -> holdout.get(i).values()[j])
        .map(scores -> {
          double[] predicted = new double[scores.length];
          for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i];
          }
          return card.task() == ModelTask.CLASSIFICATION
              ? Evaluation.classifier(predicted, holdout) : Evaluation.regressor(predicted, holdout);
        })
        .onFailure(RuntimeException.class).recoverWithItem(e -> {
          // a version whose artifact no longer loads cannot be judged; the caller decides what that means
          LOG.log(System.Logger.Level.WARNING, "model " + card.ref() + " could not be evaluated on held-out rows", e);
          return Map.of();
        });
  }
}
