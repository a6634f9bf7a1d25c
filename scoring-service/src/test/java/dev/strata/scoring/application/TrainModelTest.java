package dev.strata.scoring.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRef;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.training.PromotionGate;
import dev.strata.scoring.domain.training.TrainedModel;
import dev.strata.scoring.domain.training.TrainingJob;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The training flow with an in-memory registry and a trainer whose predictions are chosen. */
class TrainModelTest {

  private final InMemoryRegistry registry = new InMemoryRegistry();

  /** 200 customers, every other one churned; a single feature equal to the label. */
  private final CustomerFeatureSource warehouse = new CustomerFeatureSource() {
    public CustomerFeatures byIds(List<String> ids) { throw new UnsupportedOperationException(); }
    public CustomerFeatures active(String cursor, int limit) { throw new UnsupportedOperationException(); }
    public CustomerFeatures all(String cursor, int limit) {
      int from = cursor == null ? 0 : Integer.parseInt(cursor);
      var rows = IntStream.range(from, Math.min(200, from + limit))
          .mapToObj(i -> new CustomerFeatures.Row("C" + i, List.of(i % 2 == 0 ? 1.0 : 0.0), i % 2 == 0, 50.0)).toList();
      return new CustomerFeatures(List.of("signal"), rows, from + limit < 200 ? String.valueOf(from + limit) : null);
    }
  };

  private TrainModel training(boolean predictsWell, double minAuc) {
    TrainedModel.Predictor predictor = rows -> rows.stream().mapToDouble(r -> predictsWell ? r[0] : 1 - r[0]).toArray();
    return new TrainModel(warehouse, (task, names, rows, seed) -> new TrainedModel(new byte[] {1}, names, "input", "output", 1, predictor),
        registry, new PromotionGate(minAuc), new InMemoryTrainingJobs(), new JobsInFlight(), Runnable::run, Clock.systemUTC(), new TrainModel.TrainingSettings(0.2, 1, 64));
  }

  @Test
  void aVersionThatPassesTheGateBecomesChampionAndTheJobReportsItsMetrics() {
    var training = training(true, 0.8);
    TrainingJob done = training.job(training.start("churn_model").id());
    assertThat(done.state()).isEqualTo(TrainingJob.State.SUCCEEDED);
    assertThat(done.rows()).isEqualTo(200);
    assertThat(done.promoted()).isTrue();
    assertThat(done.metrics()).containsEntry("auc", 1.0).containsKeys("log_loss", "calibration_error");
    assertThat(registry.aliases("churn_model")).containsEntry(ModelRegistry.CHAMPION, done.version());
  }

  @Test
  void aVersionBelowTheGateIsRegisteredAsChallengerAndTheChampionStays() {
    var good = training(true, 0.8);
    String champion = good.job(good.start("churn_model").id()).version();
    var bad = training(false, 0.8);
    TrainingJob rejected = bad.job(bad.start("churn_model").id());

    assertThat(rejected.promoted()).isFalse();
    assertThat(registry.aliases("churn_model"))
        .containsEntry(ModelRegistry.CHAMPION, champion).containsEntry(ModelRegistry.CHALLENGER, rejected.version());
  }

  @Test
  void theRiskModelIsARegressorJudgedByRankingAndFit() {
    var training = training(true, 0.8);
    TrainingJob done = training.job(training.start("risk_model").id());
    assertThat(done.metrics()).containsKeys("auc", "r2", "rmse");
  }

  static class InMemoryRegistry implements ModelRegistry {
    private final Map<ModelRef, ModelCard> cards = new HashMap<>();
    private final Map<String, Map<String, String>> aliases = new HashMap<>();

    public ModelCard register(ModelCard card, byte[] onnx) {
      String version = String.valueOf(versions(card.name()).size() + 1);
      ModelCard registered = card.registeredAs(version, "sha");
      cards.put(registered.ref(), registered);
      return registered;
    }
    public List<String> models() { return cards.keySet().stream().map(ModelRef::name).distinct().toList(); }
    public List<ModelCard> versions(String model) { return new ArrayList<>(cards.values().stream().filter(c -> c.name().equals(model)).toList()); }
    public Optional<ModelCard> card(ModelRef ref) { return Optional.ofNullable(cards.get(ref)); }
    public byte[] artifact(ModelRef ref) { return new byte[] {1}; }
    public Map<String, String> aliases(String model) { return aliases.getOrDefault(model, Map.of()); }
    public void setAlias(String model, String alias, String version) { aliases.computeIfAbsent(model, m -> new HashMap<>()).put(alias, version); }
  }
}
