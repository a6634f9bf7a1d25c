package dev.strata.scoring.adapter.out.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.strata.scoring.TelcoCustomerFeatures;
import dev.strata.scoring.adapter.out.filesystem.FileSystemModelRegistry;
import dev.strata.scoring.adapter.out.tribuo.TribuoModelTrainer;
import dev.strata.scoring.domain.inference.DataType;
import dev.strata.scoring.domain.inference.ModelSignature;
import dev.strata.scoring.domain.inference.Tensor;
import dev.strata.scoring.domain.inference.TensorData;
import dev.strata.scoring.domain.model.FeatureSpec;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelTask;
import dev.strata.scoring.domain.model.ModelUnavailable;
import dev.strata.scoring.domain.training.Evaluation;
import dev.strata.scoring.domain.training.HoldoutSplit;
import dev.strata.scoring.domain.training.LabeledRow;
import dev.strata.scoring.domain.training.Recipe;
import dev.strata.scoring.domain.training.TrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tribuo's exported ONNX, served by the real ONNX Runtime, predicts what Tribuo predicts. */
class TribuoModelsOnOnnxRuntimeTest {

  @TempDir Path folder;
  private final TelcoCustomerFeatures telco = new TelcoCustomerFeatures();
  private final TribuoModelTrainer trainer = new TribuoModelTrainer(15, Runnable::run);

  @Test
  void theExportedChurnModelTakesOneFloatMatrixAndGivesClassProbabilities() {
    Trained churn = train(Recipe.CHURN);
    ModelSignature signature = churn.models.signature(churn.card).toCompletableFuture().join();

    assertThat(signature.inputs()).singleElement().satisfies(input -> {
      assertThat(input.name()).isEqualTo(churn.card.inputName());
      assertThat(input.datatype()).isEqualTo(DataType.FP32);
      assertThat(input.shape()).containsExactly(-1, TelcoCustomerFeatures.FEATURES.size());
    });
    assertThat(signature.outputs()).anySatisfy(output -> {
      assertThat(output.name()).isEqualTo(churn.card.outputName());
      assertThat(output.shape()).containsExactly(-1, 2);
    });
  }

  @Test
  void churnProbabilitiesFromOnnxRuntimeEqualTribuosOwnWithinOneTenThousandth() {
    assertOnnxMatchesTribuo(train(Recipe.CHURN));
  }

  @Test
  void revenueAtRiskFromOnnxRuntimeEqualsTribuosOwnWithinOneTenThousandth() {
    assertOnnxMatchesTribuo(train(Recipe.RISK));
  }

  @Test
  void theChurnModelRanksHeldOutChurnersWellEnoughToPassTheDefaultGate() {
    Trained churn = train(Recipe.CHURN);
    double[] predicted = churn.trained.predictor().predict(churn.split.holdout().stream().map(LabeledRow::values).toList());
    assertThat(Evaluation.classifier(predicted, churn.split.holdout()).get("auc")).isGreaterThanOrEqualTo(0.80);
  }

  @Test
  void aModelWhoseFileNoLongerMatchesItsSha256IsRefused() throws Exception {
    Trained churn = train(Recipe.CHURN);
    Path onnx = folder.resolve("churn_model").resolve(churn.card.version()).resolve("model.onnx");
    byte[] bytes = Files.readAllBytes(onnx);
    bytes[bytes.length - 1] ^= 1;
    Files.write(onnx, bytes);

    assertThatThrownBy(() -> churn.models.signature(churn.card).toCompletableFuture().join())
        .hasCauseInstanceOf(ModelUnavailable.class).cause().hasMessageContaining("sha256");
  }

  private void assertOnnxMatchesTribuo(Trained t) {
    List<LabeledRow> rows = t.split.holdout();
    double[] tribuo = t.trained.predictor().predict(rows.stream().map(LabeledRow::values).toList());
    int width = t.card.features().size();
    float[] matrix = new float[rows.size() * width];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < width; j++) {
        matrix[i * width + j] = (float) rows.get(i).values()[TelcoCustomerFeatures.FEATURES.indexOf(t.card.features().get(j).name())];
      }
    }
    Tensor input = new Tensor(t.card.inputName(), new long[] {rows.size(), width}, new TensorData.Floats(matrix));
    Tensor output = t.models.infer(t.card, List.of(input), List.of(t.card.outputName())).toCompletableFuture().join().getFirst();
    float[] onnx = ((TensorData.Floats) output.data()).values();
    int columns = onnx.length / rows.size();
    int column = t.card.positiveIndex() == null ? 0 : t.card.positiveIndex();
    for (int i = 0; i < rows.size(); i++) {
      assertThat((double) onnx[i * columns + column]).as("row %d", i).isCloseTo(tribuo[i], within(1e-4));
    }
  }

  private record Trained(ModelCard card, TrainedModel trained, HoldoutSplit split, OnnxScoringModels models) {}

  private Trained train(Recipe recipe) {
    List<LabeledRow> rows = telco.rows().stream().map(recipe::example).toList();
    HoldoutSplit split = HoldoutSplit.of(rows, 0.2);
    TrainedModel trained = trainer.train(recipe.task(), TelcoCustomerFeatures.FEATURES, split.training(), 42).toCompletableFuture().join();
    var registry = new FileSystemModelRegistry(folder, new ObjectMapper().registerModule(new JavaTimeModule()), Runnable::run);
    ModelCard card = registry.register(new ModelCard(recipe.model(), "1", recipe.task(), Instant.now(), Map.of(),
        trained.featureOrder().stream().map(FeatureSpec::number).toList(), trained.inputName(), trained.outputName(),
        trained.positiveIndex(), null, "test"), trained.onnx()).toCompletableFuture().join();
    return new Trained(card, trained, split, new OnnxScoringModels(registry, 1, Runnable::run));
  }
}
