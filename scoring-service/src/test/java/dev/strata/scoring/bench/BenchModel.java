package dev.strata.scoring.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.strata.scoring.TelcoCustomerFeatures;
import dev.strata.scoring.adapter.out.filesystem.FileSystemModelRegistry;
import dev.strata.scoring.adapter.out.onnx.OnnxScoringModels;
import dev.strata.scoring.adapter.out.tribuo.TribuoModelTrainer;
import dev.strata.scoring.domain.inference.Tensor;
import dev.strata.scoring.domain.inference.TensorData;
import dev.strata.scoring.domain.model.FeatureSpec;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelTask;
import dev.strata.scoring.domain.training.LabeledRow;
import dev.strata.scoring.domain.training.Recipe;
import dev.strata.scoring.domain.training.TrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The churn model the benchmarks serve: trained with Tribuo on the Telco slice, registered in a
 * folder. {@code main} also writes the upload files (model.onnx, metadata.json) and request bodies
 * for the HTTP benchmark in bench/run.sh.
 */
public final class BenchModel {

  final ModelCard card;
  final OnnxScoringModels models;
  private final List<LabeledRow> rows;

  BenchModel(Path folder) {
    rows = new TelcoCustomerFeatures().rows().stream().map(Recipe.CHURN::example).toList();
    // on the calling thread: the benchmark measures ONNX Runtime itself, not a hand-off to a pool
    Executor caller = Runnable::run;
    TrainedModel trained = new TribuoModelTrainer(15, caller)
        .train(ModelTask.CLASSIFICATION, TelcoCustomerFeatures.FEATURES, rows, 42).toCompletableFuture().join();
    var registry = new FileSystemModelRegistry(folder, new ObjectMapper().registerModule(new JavaTimeModule()), caller);
    card = registry.register(new ModelCard("churn_model", "1", ModelTask.CLASSIFICATION, Instant.now(), Map.of(),
        trained.featureOrder().stream().map(FeatureSpec::number).toList(), trained.inputName(), trained.outputName(),
        trained.positiveIndex(), null, "bench"), trained.onnx()).toCompletableFuture().join();
    models = new OnnxScoringModels(registry, 1, caller);
  }

  /** {@code n} Telco rows (cycled) in the model's input column order, row-major. */
  float[] matrix(int n) {
    int width = card.features().size();
    float[] matrix = new float[n * width];
    for (int i = 0; i < n; i++) {
      double[] values = rows.get(i % rows.size()).values();
      for (int j = 0; j < width; j++) {
        matrix[i * width + j] = (float) values[TelcoCustomerFeatures.FEATURES.indexOf(card.features().get(j).name())];
      }
    }
    return matrix;
  }

  Tensor input(int n) {
    return new Tensor(card.inputName(), new long[] {n, card.features().size()}, new TensorData.Floats(matrix(n)));
  }

  String inferBody(int n) {
    StringBuilder data = new StringBuilder();
    for (float v : matrix(n)) {
      data.append(data.isEmpty() ? "" : ",").append(v);
    }
    return "{\"inputs\":[{\"name\":\"" + card.inputName() + "\",\"datatype\":\"FP32\",\"shape\":[" + n + ","
        + card.features().size() + "],\"data\":[" + data + "]}]}";
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    BenchModel model = new BenchModel(Files.createDirectories(out.resolve("registry")));
    Files.copy(out.resolve("registry/churn_model/1/model.onnx"), out.resolve("model.onnx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(out.resolve("metadata.json"), new ObjectMapper().writeValueAsString(Map.of(
        "task", "CLASSIFICATION", "features", model.card.featureNames(), "positiveIndex", model.card.positiveIndex(), "alias", "champion")));
    Files.writeString(out.resolve("single.json"), model.inferBody(1));
    Files.writeString(out.resolve("batch.json"), model.inferBody(Integer.parseInt(args.length > 1 ? args[1] : "1000")));
    // The service under benchmark trusts the test key pair (generated on this machine, never
    // committed); an admin token may upload the model and infer
    Files.writeString(out.resolve("jwt-public-key-location.txt"), dev.strata.testing.TestTokens.publicKeyLocation());
    Files.writeString(out.resolve("token.txt"), dev.strata.testing.TestTokens.token(dev.strata.kernel.security.Roles.ADMIN));
  }
}
