package dev.strata.scoring.adapter.out.tribuo;

import ai.onnx.proto.OnnxMl;
import dev.strata.scoring.domain.model.ModelTask;
import dev.strata.scoring.domain.training.LabeledRow;
import dev.strata.scoring.domain.training.ModelTrainer;
import dev.strata.scoring.domain.training.TrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Trains linear models with Tribuo (logistic regression for a classifier, squared-loss linear
 * regression for a regressor) on standardised features, and exports ONNX whose graph starts with
 * that standardisation, so the artifact takes raw feature values.
 */
public class TribuoModelTrainer implements ModelTrainer {

  static final String CHURNED = "churned";
  static final String STAYED = "stayed";
  private static final int LOGGING_INTERVAL = Integer.MAX_VALUE;

  private final int epochs;
  private final Executor executor;

  /** @param executor where a fit runs: it is CPU-heavy and takes seconds */
  public TribuoModelTrainer(int epochs, Executor executor) {
    this.epochs = epochs;
    this.executor = executor;
  }

  @Override
  public CompletionStage<TrainedModel> train(ModelTask task, List<String> featureNames, List<LabeledRow> rows, long seed) {
    return CompletableFuture.supplyAsync(() -> fit(task, featureNames, rows, seed), executor);
  }

  private TrainedModel fit(ModelTask task, List<String> featureNames, List<LabeledRow> rows, long seed) {
    String[] names = featureNames.toArray(String[]::new);
    Standardization scaling = Standardization.fit(rows.stream().map(LabeledRow::values).toList(), names.length);
    return switch (task) {
      case CLASSIFICATION -> classifier(names, rows, scaling, seed);
      case REGRESSION -> regressor(names, rows, scaling, seed);
    };
  }

  private TrainedModel classifier(String[] names, List<LabeledRow> rows, Standardization scaling, long seed) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = dataset(factory, names, rows, scaling, row -> new Label(row.churned() ? CHURNED : STAYED));
    var trainer = new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
        new LogMulticlass(), new AdaGrad(0.5, 0.1), epochs, LOGGING_INTERVAL, 1, seed);
    var model = trainer.train(data);
    int positive = model.getOutputIDInfo().getID(new Label(CHURNED));
    TrainedModel.Predictor predictor = batch -> model.predict(examples(factory.getUnknownOutput(), names, batch, scaling))
        .stream().mapToDouble(p -> p.getOutputScores().get(CHURNED).getScore()).toArray();
    return exported(model, names, scaling, positive, predictor);
  }

  private TrainedModel regressor(String[] names, List<LabeledRow> rows, Standardization scaling, long seed) {
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> data = dataset(factory, names, rows, scaling, row -> new Regressor("revenue_at_risk", row.target()));
    var trainer = new org.tribuo.regression.sgd.linear.LinearSGDTrainer(
        new SquaredLoss(), new AdaGrad(0.5, 0.1), epochs, LOGGING_INTERVAL, 1, seed);
    var model = trainer.train(data);
    TrainedModel.Predictor predictor = batch -> model.predict(examples(factory.getUnknownOutput(), names, batch, scaling))
        .stream().mapToDouble(p -> p.getOutput().getValues()[0]).toArray();
    return exported(model, names, scaling, null, predictor);
  }

  private static <T extends Output<T>> MutableDataset<T> dataset(
      OutputFactory<T> factory, String[] names, List<LabeledRow> rows, Standardization scaling,
      java.util.function.Function<LabeledRow, T> label) {
    MutableDataset<T> data = new MutableDataset<>(new SimpleDataSourceProvenance("warehouse gold customer features", factory), factory);
    for (LabeledRow row : rows) {
      data.add(new ArrayExample<>(label.apply(row), names, scaling.apply(row.values())));
    }
    return data;
  }

  private static <T extends Output<T>> List<Example<T>> examples(T unknown, String[] names, List<double[]> batch, Standardization scaling) {
    List<Example<T>> examples = new ArrayList<>(batch.size());
    for (double[] values : batch) {
      examples.add(new ArrayExample<>(unknown, names, scaling.apply(values)));
    }
    return examples;
  }

  private static <T extends Output<T>, M extends Model<T> & ONNXExportable> TrainedModel exported(
      M model, String[] names, Standardization scaling, Integer positive, TrainedModel.Predictor predictor) {
    List<String> order = columnOrder(model.getFeatureIDMap(), names);
    OnnxMl.ModelProto proto = model.exportONNXModel("dev.strata.scoring", 1L);
    OnnxMl.ModelProto withScaling = OnnxStandardization.prepend(proto, scaling.reorder(names, order));
    OnnxMl.GraphProto graph = withScaling.getGraph();
    return new TrainedModel(withScaling.toByteArray(), order, graph.getInput(0).getName(),
        graph.getOutput(0).getName(), positive, predictor);
  }

  /** ONNX input column j is the feature Tribuo gave id j. */
  private static List<String> columnOrder(ImmutableFeatureMap features, String[] names) {
    String[] order = new String[features.size()];
    for (String name : names) {
      var info = features.get(name);
      if (info != null) {
        order[info.getID()] = name;
      }
    }
    return List.of(order);
  }
}
