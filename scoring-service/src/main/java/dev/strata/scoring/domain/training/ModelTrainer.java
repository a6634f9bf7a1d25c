package dev.strata.scoring.domain.training;

import dev.strata.scoring.domain.model.ModelTask;
import java.util.List;

/** Fits a model to labelled rows and exports it as ONNX. Blocking and CPU-bound. */
public interface ModelTrainer {

  TrainedModel train(ModelTask task, List<String> featureNames, List<LabeledRow> rows, long seed);
}
