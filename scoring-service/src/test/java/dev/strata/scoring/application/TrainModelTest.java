package dev.strata.scoring.application;

import static java.util.concurrent.CompletableFuture.completedFuture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import dev.strata.scoring.domain.inference.ModelSignature;
import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.inference.Tensor;
import dev.strata.scoring.domain.inference.TensorData;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRef;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.training.PromotionGate;
import dev.strata.scoring.domain.training.TrainedModel;
import dev.strata.scoring.domain.training.TrainingJob;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The training flow with an in-memory registry and models whose quality is chosen: a PERFECT one
 * scores the label itself, a NOISY one gets every fifth customer backwards, an INVERTED one all.
 * The "ONNX artifact" is the quality's ordinal, which the fake runtime reads back to score.
 */
class TrainModelTest {

  enum Quality { INVERTED, PERFECT, NOISY }

  private final InMemoryRegistry registry = new InMemoryRegistry();
  private final List<String> audited = new ArrayList<>();

  /** 200 customers, every other one churned; "signal" equals the label, "noise" marks every fifth customer. */
  private final CustomerFeatureSource warehouse = new CustomerFeatureSource() {
    public CompletionStage<CustomerFeatures> byIds(List<String> ids) { throw new UnsupportedOperationException(); }
    public CompletionStage<CustomerFeatures> active(String cursor, int limit) { throw new UnsupportedOperationException(); }
    public CompletionStage<CustomerFeatures> all(String cursor, int limit) {
      int from = cursor == null ? 0 : Integer.parseInt(cursor);
      var rows = IntStream.range(from, Math.min(200, from + limit))
          .mapToObj(i -> new CustomerFeatures.Row("C" + i, List.of(i % 2 == 0 ? 1.0 : 0.0, i % 5 == 0 ? 1.0 : 0.0), i % 2 == 0, 50.0))
          .toList();
      return completedFuture(new CustomerFeatures(List.of("signal", "noise"), rows, from + limit < 200 ? String.valueOf(from + limit) : null));
    }
  };

  private static double predict(Quality quality, double signal, double noise) {
    return switch (quality) {
      case PERFECT -> signal;
      case INVERTED -> 1 - signal;
      case NOISY -> noise == 1.0 ? 1 - signal : signal;
    };
  }

  /** Runs the registered artifact: [1 - p, p] per row. */
  private final ScoringModels runtime = new ScoringModels() {
    public CompletionStage<ModelSignature> signature(ModelCard card) { throw new UnsupportedOperationException(); }
    public boolean isLoaded(ModelCard card) { return true; }
    public CompletionStage<ModelSignature> inspect(byte[] onnx) { throw new UnsupportedOperationException(); }
    public CompletionStage<List<Tensor>> infer(ModelCard card, List<Tensor> inputs, List<String> outputs) {
      Quality quality = Quality.values()[registry.artifact(card.ref()).toCompletableFuture().join()[0]];
      float[] x = ((TensorData.Floats) inputs.getFirst().data()).values();
      int n = (int) inputs.getFirst().shape()[0];
      float[] out = new float[2 * n];
      for (int i = 0; i < n; i++) {
        float p = (float) predict(quality, x[2 * i], x[2 * i + 1]);
        out[2 * i] = 1 - p;
        out[2 * i + 1] = p;
      }
      return completedFuture(List.of(new Tensor("output", new long[] {n, 2}, new TensorData.Floats(out))));
    }
  };

  private TrainModel training(Quality quality, double minAuc) {
    TrainedModel.Predictor predictor = rows -> rows.stream().mapToDouble(r -> predict(quality, r[0], r[1])).toArray();
    return new TrainModel(warehouse,
        (task, names, rows, seed) -> completedFuture(new TrainedModel(new byte[] {(byte) quality.ordinal()}, names, "input", "output", 1, predictor)),
        registry, runtime, new PromotionGate(minAuc),
        (actor, action, ref, details) -> {
          audited.add(actor + " " + action + " " + ref + " " + details.get("alias"));
          return completedFuture(null);
        },
        new InMemoryTrainingJobs(), new JobsInFlight(), job -> job.get().await().indefinitely(), Clock.systemUTC(), new TrainModel.TrainingSettings(0.2, 1, 64));
  }

  private TrainingJob train(Quality quality, double minAuc) {
    TrainModel training = training(quality, minAuc);
    return training.job(training.start("churn_model", "alice").await().indefinitely().id()).await().indefinitely();
  }

  @Test
  void aVersionThatPassesTheGateBecomesChampionAndTheJobReportsItsMetrics() {
    TrainingJob done = train(Quality.PERFECT, 0.8);
    assertThat(done.state()).isEqualTo(TrainingJob.State.SUCCEEDED);
    assertThat(done.rows()).isEqualTo(200);
    assertThat(done.promoted()).isTrue();
    assertThat(done.startedBy()).isEqualTo("alice");
    assertThat(done.champion()).isNull();
    assertThat(done.metrics()).containsEntry("auc", 1.0).containsKeys("log_loss", "calibration_error");
    assertThat(registry.aliases("churn_model").toCompletableFuture().join()).containsEntry(ModelRegistry.CHAMPION, done.version());
  }

  @Test
  void aVersionBelowTheGateIsRegisteredAsChallengerAndTheChampionStays() {
    String champion = train(Quality.PERFECT, 0.8).version();
    TrainingJob rejected = train(Quality.INVERTED, 0.8);

    assertThat(rejected.promoted()).isFalse();
    assertThat(registry.aliases("churn_model").toCompletableFuture().join())
        .containsEntry(ModelRegistry.CHAMPION, champion).containsEntry(ModelRegistry.CHALLENGER, rejected.version());
  }

  @Test
  void aVersionAboveTheFloorThatDoesNotBeatTheChampionOnTheSameRowsStaysChallenger() {
    String champion = train(Quality.PERFECT, 0.5).version();
    TrainingJob weaker = train(Quality.NOISY, 0.5);

    assertThat(weaker.metrics().get("auc")).isGreaterThan(0.5).isLessThan(1.0);
    assertThat(weaker.promoted()).isFalse();
    assertThat(weaker.champion().version()).isEqualTo(champion);
    assertThat(weaker.champion().metrics()).containsEntry("auc", 1.0);
    assertThat(weaker.decision()).contains("does not beat champion version " + champion);
    assertThat(registry.aliases("churn_model").toCompletableFuture().join()).containsEntry(ModelRegistry.CHAMPION, champion)
        .containsEntry(ModelRegistry.CHALLENGER, weaker.version());
  }

  @Test
  void aRetrainThatIsOnlyAsGoodAsTheChampionDoesNotReplaceIt() {
    String champion = train(Quality.PERFECT, 0.8).version();
    TrainingJob same = train(Quality.PERFECT, 0.8);

    assertThat(same.promoted()).isFalse();
    assertThat(registry.aliases("churn_model").toCompletableFuture().join()).containsEntry(ModelRegistry.CHAMPION, champion);
  }

  @Test
  void aVersionThatBeatsTheChampionOnTheSameRowsReplacesIt() {
    train(Quality.NOISY, 0.5);
    TrainingJob better = train(Quality.PERFECT, 0.5);

    assertThat(better.promoted()).isTrue();
    assertThat(better.decision()).contains("beats champion version 1");
    assertThat(registry.aliases("churn_model").toCompletableFuture().join()).containsEntry(ModelRegistry.CHAMPION, better.version());
  }

  @Test
  void everyAliasATrainingRunMovesIsAuditedInTheNameOfWhoStartedIt() {
    train(Quality.PERFECT, 0.8);
    train(Quality.INVERTED, 0.8);

    assertThat(audited).containsExactly("alice set-alias churn_model/1 champion", "alice set-alias churn_model/2 challenger");
  }

  @Test
  void theRiskModelIsARegressorJudgedByRankingAndFit() {
    TrainModel training = training(Quality.PERFECT, 0.8);
    TrainingJob done = training.job(training.start("risk_model", "alice").await().indefinitely().id()).await().indefinitely();
    assertThat(done.metrics()).containsKeys("auc", "r2", "rmse");
  }

  static class InMemoryRegistry implements ModelRegistry {
    private final Map<ModelRef, ModelCard> cards = new HashMap<>();
    private final Map<ModelRef, byte[]> artifacts = new HashMap<>();
    private final Map<String, Map<String, String>> aliases = new HashMap<>();
    private final Map<String, Set<String>> archived = new HashMap<>();

    public CompletionStage<ModelCard> register(ModelCard card, byte[] onnx) {
      String version = String.valueOf(versions(card.name()).toCompletableFuture().join().size() + 1);
      ModelCard registered = card.registeredAs(version, "sha");
      cards.put(registered.ref(), registered);
      artifacts.put(registered.ref(), onnx);
      return completedFuture(registered);
    }
    public CompletionStage<List<String>> models() { return completedFuture(cards.keySet().stream().map(ModelRef::name).distinct().toList()); }
    public CompletionStage<List<ModelCard>> versions(String model) {
      return completedFuture(new ArrayList<>(cards.values().stream().filter(c -> c.name().equals(model)).toList()));
    }
    public CompletionStage<Optional<ModelCard>> card(ModelRef ref) { return completedFuture(Optional.ofNullable(cards.get(ref))); }
    public CompletionStage<byte[]> artifact(ModelRef ref) { return completedFuture(artifacts.get(ref)); }
    public CompletionStage<Map<String, String>> aliases(String model) { return completedFuture(Map.copyOf(aliases.getOrDefault(model, Map.of()))); }
    public CompletionStage<Void> setAlias(String model, String alias, String version) {
      aliases.computeIfAbsent(model, m -> new HashMap<>()).put(alias, version);
      return completedFuture(null);
    }
    public CompletionStage<Void> removeAlias(String model, String alias) {
      aliases.getOrDefault(model, new HashMap<>()).remove(alias);
      return completedFuture(null);
    }
    public CompletionStage<Set<String>> archived(String model) { return completedFuture(Set.copyOf(archived.getOrDefault(model, Set.of()))); }
    public CompletionStage<Void> archive(ModelRef ref) {
      archived.computeIfAbsent(ref.name(), m -> new HashSet<>()).add(ref.version());
      return completedFuture(null);
    }
  }
}
