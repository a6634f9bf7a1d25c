package dev.strata.scoring.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.kernel.api.CustomerScores;
import dev.strata.kernel.api.ScoreRequest;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import dev.strata.scoring.domain.inference.ModelSignature;
import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.inference.Tensor;
import dev.strata.scoring.domain.inference.TensorData;
import dev.strata.scoring.domain.model.FeatureSpec;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.scoring.ScoringProgress;
import dev.strata.scoring.domain.scoring.ShadowComparison;
import dev.strata.scoring.domain.scoring.ShadowMetrics;
import dev.strata.scoring.domain.model.ModelTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Customer scoring with an in-memory warehouse and models whose answers follow the features. */
class ScoreCustomersTest {

  private final List<List<String>> requestedChunks = new ArrayList<>();
  private final TrainModelTest.InMemoryRegistry registry = new TrainModelTest.InMemoryRegistry();

  /** Warehouse columns come in a different order than the models take them, on purpose. */
  private final CustomerFeatureSource warehouse = new CustomerFeatureSource() {
    public CompletionStage<CustomerFeatures> byIds(List<String> ids) {
      requestedChunks.add(List.copyOf(ids));
      return completedFuture(new CustomerFeatures(List.of("charges", "tenure"),
          ids.stream().filter(id -> !id.equals("GHOST")).map(id -> row(id)).toList(), null));
    }
    public CompletionStage<CustomerFeatures> active(String cursor, int limit) {
      int from = cursor == null ? 0 : Integer.parseInt(cursor);
      List<CustomerFeatures.Row> rows = new ArrayList<>();
      for (int i = from; i < Math.min(5, from + limit); i++) rows.add(row("A" + i));
      return completedFuture(new CustomerFeatures(List.of("charges", "tenure"), rows, from + limit < 5 ? String.valueOf(from + limit) : null));
    }
    public CompletionStage<CustomerFeatures> all(String cursor, int limit) { throw new UnsupportedOperationException(); }
  };

  private static CustomerFeatures.Row row(String id) {
    return new CustomerFeatures.Row(id, List.of(80.0, 3.0), false, 80.0);
  }

  /** churn: [1 - p, p] with p = tenure / 10; risk: charges × p. */
  private final ScoringModels models = new ScoringModels() {
    public CompletionStage<ModelSignature> signature(ModelCard card) { return completedFuture(new ModelSignature(List.of(), List.of())); }
    public boolean isLoaded(ModelCard card) { return true; }
    public CompletionStage<ModelSignature> inspect(byte[] onnx) { throw new UnsupportedOperationException(); }
    public CompletionStage<List<Tensor>> infer(ModelCard card, List<Tensor> inputs, List<String> outputs) {
      float[] x = ((TensorData.Floats) inputs.getFirst().data()).values();
      int n = (int) inputs.getFirst().shape()[0];
      boolean churn = card.name().equals("churn_model");
      float[] out = new float[churn ? 2 * n : n];
      for (int i = 0; i < n; i++) {
        float tenure = x[2 * i];
        float charges = x[2 * i + 1];
        if (churn) {
          // version 2, the challenger in the shadow tests, reads tenure the other way round
          float p = card.version().equals("2") ? 1 - tenure / 10 : tenure / 10;
          out[2 * i] = 1 - p;
          out[2 * i + 1] = p;
        } else {
          out[i] = charges > 0 ? charges * tenure / 10 : -5;
        }
      }
      return completedFuture(List.of(new Tensor("output", new long[] {n, churn ? 2 : 1}, new TensorData.Floats(out))));
    }
  };

  private ScoreCustomers scoring(int chunkSize) {
    for (String model : List.of("churn_model", "risk_model")) {
      ModelCard card = registry.register(new ModelCard(model, "1", ModelTask.CLASSIFICATION, Instant.now(), Map.of(),
          List.of(FeatureSpec.number("tenure"), FeatureSpec.number("charges")), "input", "output",
          model.equals("churn_model") ? 1 : null, null, "fp"), new byte[] {1}).toCompletableFuture().join();
      registry.setAlias(model, ModelRegistry.CHAMPION, card.version());
    }
    return new ScoreCustomers(warehouse, registry, new ChunkScorer(models), chunkSize, ScoringProgress.NONE);
  }

  private final List<ShadowComparison> compared = new ArrayList<>();
  private final List<String> shadowFailures = new ArrayList<>();
  private final ShadowMetrics shadowMetrics = new ShadowMetrics() {
    public void compared(ShadowComparison comparison) { compared.add(comparison); }
    public void failed(ModelCard challenger) { shadowFailures.add(challenger.ref().toString()); }
  };

  /** Champions as {@link #scoring}, plus version 2 of churn_model named challenger, with shadow traffic on. */
  private ScoreCustomers scoringWithChallenger(List<FeatureSpec> challengerFeatures) {
    scoring(10);
    ModelCard challenger = registry.register(new ModelCard("churn_model", "1", ModelTask.CLASSIFICATION, Instant.now(), Map.of(),
        challengerFeatures, "input", "output", 1, null, "fp"), new byte[] {1}).toCompletableFuture().join();
    registry.setAlias("churn_model", ModelRegistry.CHALLENGER, challenger.version());
    return new ScoreCustomers(warehouse, registry, new ChunkScorer(models, java.util.Optional.of(shadowMetrics)), 10, ScoringProgress.NONE);
  }

  @Test
  void aChallengerScoresTheSameCustomersInShadowAndOnlyTheChampionsScoresAreReturned() {
    CustomerScores scores = scoringWithChallenger(List.of(FeatureSpec.number("tenure"), FeatureSpec.number("charges")))
        .score(new ScoreRequest(List.of("C1", "C2"), false)).await().indefinitely();

    assertThat(scores.scores()).extracting(CustomerScores.Score::churnProbability)
        .allSatisfy(p -> assertThat(p).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-6)));
    assertThat(scores.models()).containsEntry("churn_model", "1");
    assertThat(compared).singleElement().satisfies(c -> {
      assertThat(c.challenger().version()).isEqualTo("2");
      assertThat(c.differences()).containsExactly(new double[] {0.4, 0.4}, org.assertj.core.api.Assertions.within(1e-6));
      assertThat(c.agreed()).as("0.3 and 0.7 fall on either side of the threshold").isZero();
    });
  }

  @Test
  void aChallengerThatCannotScoreIsCountedAndTheCallerStillGetsTheChampionsScores() {
    CustomerScores scores = scoringWithChallenger(List.of(FeatureSpec.number("not_served")))
        .score(new ScoreRequest(List.of("C1"), false)).await().indefinitely();

    assertThat(scores.scores()).hasSize(1);
    assertThat(compared).isEmpty();
    assertThat(shadowFailures).containsExactly("churn_model/2");
  }

  @Test
  void anArchivedChallengerReceivesNoShadowTraffic() {
    ScoreCustomers scoring = scoringWithChallenger(List.of(FeatureSpec.number("tenure"), FeatureSpec.number("charges")));
    registry.archive(new dev.strata.scoring.domain.model.ModelRef("churn_model", "2"));

    scoring.score(new ScoreRequest(List.of("C1"), false)).await().indefinitely();

    assertThat(compared).isEmpty();
  }

  @Test
  void idsAreFetchedAndScoredInChunksAndUnknownIdsAreLeftOut() {
    CustomerScores scores = scoring(2).score(new ScoreRequest(List.of("C1", "C2", "C3", "GHOST", "C5"), false)).await().indefinitely();

    assertThat(requestedChunks).containsExactly(List.of("C1", "C2"), List.of("C3", "GHOST"), List.of("C5"));
    assertThat(scores.scores()).extracting(CustomerScores.Score::customerId).containsExactly("C1", "C2", "C3", "C5");
    assertThat(scores.models()).containsEntry("churn_model", "1").containsEntry("risk_model", "1");
  }

  @Test
  void featuresAreMatchedToEachModelByNameNotByPosition() {
    CustomerScores.Score score = scoring(10).score(new ScoreRequest(List.of("C1"), false)).await().indefinitely().scores().getFirst();

    assertThat(score.churnProbability()).isEqualTo(0.3, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(score.risk()).isEqualTo(24.0, org.assertj.core.api.Assertions.within(1e-4));
  }

  @Test
  void everyActiveCustomerIsScoredPageByPage() {
    assertThat(scoring(2).score(new ScoreRequest(List.of(), true)).await().indefinitely().scores())
        .extracting(CustomerScores.Score::customerId).containsExactly("A0", "A1", "A2", "A3", "A4");
  }

  @Test
  void aRequestMustNameCustomersOrAskForAllButNotBoth() {
    ScoreCustomers scoring = scoring(2);
    assertThatThrownBy(() -> scoring.score(new ScoreRequest(List.of(), false)).await().indefinitely()).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> scoring.score(new ScoreRequest(List.of("C1"), true)).await().indefinitely()).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> scoring.score(new ScoreRequest(List.of("a/b"), false)).await().indefinitely()).isInstanceOf(DomainException.Invalid.class);
  }

  @Test
  void progressIsToldAfterEveryChunkWithTheTotalWhenItIsKnown() {
    List<String> told = new ArrayList<>();
    scoring(2).score(new ScoreRequest(List.of("C1", "C2", "C3", "GHOST", "C5"), false),
        (done, total, rows, chunk) -> told.add(done + "/" + total + ":" + rows + "+" + chunk)).await().indefinitely();
    assertThat(told).containsExactly("1/3:2+2", "2/3:3+1", "3/3:4+1");

    told.clear();
    scoring(2).score(new ScoreRequest(List.of(), true), (done, total, rows, chunk) -> told.add(done + "/" + total + ":" + rows))
        .await().indefinitely();
    assertThat(told).containsExactly("1/null:2", "2/null:4", "3/null:5");
  }

  @Test
  void aBackgroundRunSavesEveryChunksProgressThenTheScores() {
    InMemoryScoringJobs jobs = new InMemoryScoringJobs();
    var background = new ScoreCustomersInBackground(scoring(2), jobs, new JobsInFlight(), job -> job.get().await().indefinitely(), java.time.Clock.systemUTC());

    var started = background.start(new ScoreRequest(List.of("C1", "C2", "C3"), false)).await().indefinitely();

    assertThat(jobs.saved).extracting(j -> j.state() + " " + j.chunksDone() + "/" + j.chunksTotal() + " " + j.rowsScored())
        .containsExactly("RUNNING 0/2 0", "RUNNING 1/2 2", "RUNNING 2/2 3", "SUCCEEDED 2/2 3");
    var done = background.job(started.id()).await().indefinitely();
    assertThat(done.result().scores()).extracting(CustomerScores.Score::customerId).containsExactly("C1", "C2", "C3");
    assertThat(done.finishedAt()).isNotNull();
  }

  @Test
  void aBadBackgroundRequestIsRefusedBeforeAnyJobExists() {
    InMemoryScoringJobs jobs = new InMemoryScoringJobs();
    var background = new ScoreCustomersInBackground(scoring(2), jobs, new JobsInFlight(), job -> job.get().await().indefinitely(), java.time.Clock.systemUTC());
    assertThatThrownBy(() -> background.start(new ScoreRequest(List.of(), false)).await().indefinitely()).isInstanceOf(DomainException.Invalid.class);
    assertThat(jobs.saved).isEmpty();
    assertThatThrownBy(() -> background.job("no-such-job").await().indefinitely()).isInstanceOf(DomainException.NotFound.class);
  }

  @Test
  void aBackgroundRunThatBreaksIsFailedWithoutLeakingTheCause() {
    InMemoryScoringJobs jobs = new InMemoryScoringJobs();
    ScoreCustomers broken = new ScoreCustomers(new CustomerFeatureSource() {
      public CompletionStage<CustomerFeatures> byIds(List<String> ids) { throw new IllegalStateException("http://secret@warehouse down"); }
      public CompletionStage<CustomerFeatures> active(String cursor, int limit) { throw new UnsupportedOperationException(); }
      public CompletionStage<CustomerFeatures> all(String cursor, int limit) { throw new UnsupportedOperationException(); }
    }, registry, new ChunkScorer(models), 2, ScoringProgress.NONE);
    scoring(2); // registers the champions
    var background = new ScoreCustomersInBackground(broken, jobs, new JobsInFlight(), job -> job.get().await().indefinitely(), java.time.Clock.systemUTC());

    var failed = background.job(background.start(new ScoreRequest(List.of("C1"), false)).await().indefinitely().id()).await().indefinitely();

    assertThat(failed.state()).isEqualTo(dev.strata.scoring.domain.scoring.ScoringJob.State.FAILED);
    assertThat(failed.error()).contains("IllegalStateException").doesNotContain("secret");
  }
}
