package dev.strata.scoring.domain.training;

import dev.strata.scoring.domain.model.ModelTask;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Fits a model to labelled rows and exports it as ONNX. CPU-bound, so it completes off the caller's thread. */
public interface ModelTrainer {

  CompletionStage<TrainedModel> train(ModelTask task, List<String> featureNames, List<LabeledRow> rows, long seed);
}
