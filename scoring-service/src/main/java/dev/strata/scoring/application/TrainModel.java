package dev.strata.scoring.application;

import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.model.FeatureSpec;
import dev.strata.scoring.domain.model.ModelAudit;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRef;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.training.Evaluation;
import dev.strata.scoring.domain.training.HoldoutSplit;
import dev.strata.scoring.domain.training.Incumbent;
import dev.strata.scoring.domain.training.LabeledRow;
import dev.strata.scoring.domain.training.ModelTrainer;
import dev.strata.scoring.domain.training.PromotionGate;
import dev.strata.scoring.domain.training.Recipe;
import dev.strata.scoring.domain.training.TrainedModel;
import dev.strata.scoring.domain.training.TrainingJob;
import dev.strata.scoring.domain.training.TrainingJobs;
import dev.strata.scoring.domain.model.ModelTask;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Trains a known model from warehouse gold features in the background: fetch → split →
 * fit → evaluate on the held-out split → register → score the current champion and the new version
 * on that same split → champion if the gate admits it (the floor, and beating the champion there),
 * challenger otherwise. The alias it moves is audited in the name of whoever started the run.
 * Progress is saved after every stage (and every warehouse page), so the job is readable while it
 * runs and after a restart.
 */
public class TrainModel {

  private static final System.Logger LOG = System.getLogger(TrainModel.class.getName());

  private final TrainingData data;
  private final ModelTrainer trainer;
  private final ModelRegistry registry;
  private final HoldoutScoring holdoutScoring;
  private final PromotionGate gate;
  private final ModelAudit audit;
  private final JobRunner runner;
  private final Clock clock;
  private final TrainingSettings settings;
  private final TrainingJobs jobs;
  private final JobsInFlight inFlight;

  /** Held-out fraction, seed and warehouse page size of every run. */
  public record TrainingSettings(double holdoutFraction, long seed, int pageSize) {}

  public TrainModel(CustomerFeatureSource source, ModelTrainer trainer, ModelRegistry registry, ScoringModels models,
      PromotionGate gate, ModelAudit audit, TrainingJobs jobs, JobsInFlight inFlight, JobRunner runner, Clock clock,
      TrainingSettings settings) {
    this.jobs = jobs;
    this.inFlight = inFlight;
    this.data = new TrainingData(source, settings.pageSize());
    this.trainer = trainer;
    this.registry = registry;
    this.holdoutScoring = new HoldoutScoring(models);
    this.gate = gate;
    this.audit = audit;
    this.runner = runner;
    this.clock = clock;
    this.settings = settings;
  }

  /** @param actor the principal starting the run: any operator may, the gate decides the promotion */
  public Uni<TrainingJob> start(String model, String actor) {
    return Uni.createFrom().item(() -> Recipe.of(model)).chain(recipe -> {
      TrainingJob job = TrainingJob.queued(UUID.randomUUID().toString(), model, actor, clock.instant());
      return Async.uni(() -> jobs.save(job))
          .invoke(() -> inFlight.run(job.id(), runner, () -> run(job.id(), recipe, actor)))
          .replaceWith(job);
    });
  }

  public Uni<TrainingJob> job(String id) {
    return Async.uni(() -> jobs.find(id))
        .map(job -> job.orElseThrow(() -> new DomainException.NotFound("no training job " + id)));
  }

  private Uni<Void> run(String id, Recipe recipe, String actor) {
    return data.fetch(recipe, rows -> progress(id, "fetching", rows)).chain(labelled -> {
      int rows = labelled.rows().size();
      HoldoutSplit split = HoldoutSplit.of(labelled.rows(), settings.holdoutFraction());
      return progress(id, "training", rows)
          .chain(() -> Async.uni(() -> trainer.train(recipe.task(), labelled.featureNames(), split.training(), settings.seed())))
          .call(trained -> progress(id, "evaluating", rows))
          .chain(trained -> {
            Map<String, Double> metrics = evaluate(recipe.task(), trained, split);
            ModelCard card = new ModelCard(recipe.model(), "1", recipe.task(), clock.instant(), metrics,
                trained.featureOrder().stream().map(FeatureSpec::number).toList(), trained.inputName(),
                trained.outputName(), trained.positiveIndex(), null, labelled.fingerprint());
            return progress(id, "registering", rows)
                .chain(() -> Async.uni(() -> registry.register(card, trained.onnx())))
                .chain(registered -> promote(id, actor, registered, metrics, labelled.featureNames(), split.holdout())
                    .chain(decision -> update(id, job -> job.succeeded(registered.version(), decision.promote(), metrics))));
          });
    }).onFailure(RuntimeException.class).recoverWithUni(e -> {
      if (e instanceof DomainException) {
        return update(id, job -> job.failed(e.getMessage()));
      }
      // The job is readable by any reader: an unexpected failure's message (a downstream URL, a
      // driver detail) stays in the service log and the job says only where to look
      LOG.log(System.Logger.Level.ERROR, "training job " + id + " failed", e);
      return update(id, job -> job.failed("training failed unexpectedly (" + e.getClass().getSimpleName() + "); see the scoring-service log"));
    });
  }

  /** Measures the champion and the new version on the same held-out rows, lets the gate decide, moves the alias. */
  private Uni<PromotionGate.Decision> promote(String id, String actor, ModelCard registered, Map<String, Double> metrics,
      List<String> featureNames, List<LabeledRow> holdout) {
    String model = registered.name();
    return incumbent(model, featureNames, holdout).chain(champion ->
        (champion.isEmpty() ? Uni.createFrom().item(Map.<String, Double>of()) : holdoutScoring.evaluate(registered, featureNames, holdout))
            .chain(onSameRuntime -> {
              PromotionGate.Decision decision = gate.decide(onSameRuntime.isEmpty() ? metrics : onSameRuntime, champion);
              String alias = decision.promote() ? ModelRegistry.CHAMPION : ModelRegistry.CHALLENGER;
              return Async.uni(() -> registry.aliases(model)).chain(aliases -> {
                String previous = aliases.get(alias);
                return Async.uni(() -> registry.setAlias(model, alias, registered.version()))
                    .chain(() -> update(id, job -> job.decided(decision.reason(), champion.orElse(null))))
                    .chain(() -> Async.uni(() -> audit.record(actor, "set-alias", registered.ref(), Map.of(
                        "alias", alias, "previous", previous == null ? "" : previous, "trainingJob", id, "reason", decision.reason()))));
              }).replaceWith(decision);
            }));
  }

  /** The current champion with its metrics on the held-out rows (none when its card is gone), if there is one. */
  private Uni<Optional<Incumbent>> incumbent(String model, List<String> featureNames, List<LabeledRow> holdout) {
    return Async.uni(() -> registry.aliases(model)).chain(aliases -> {
      String version = aliases.get(ModelRegistry.CHAMPION);
      if (version == null) {
        return Uni.createFrom().item(Optional.<Incumbent>empty());
      }
      return Async.uni(() -> registry.card(new ModelRef(model, version)))
          .chain(card -> card.isEmpty() ? Uni.createFrom().item(Map.<String, Double>of()) : holdoutScoring.evaluate(card.get(), featureNames, holdout))
          .map(measured -> Optional.of(new Incumbent(version, measured)));
    });
  }

  private static Map<String, Double> evaluate(ModelTask task, TrainedModel trained, HoldoutSplit split) {
    double[] predicted = trained.predictor().predict(split.holdout().stream().map(LabeledRow::values).toList());
    return task == ModelTask.CLASSIFICATION
        ? Evaluation.classifier(predicted, split.holdout())
        : Evaluation.regressor(predicted, split.holdout());
  }

  private Uni<Void> progress(String id, String stage, int rows) {
    return update(id, job -> job.at(stage, rows));
  }

  // one job's steps run one after another, so read-modify-write of its record does not race
  private Uni<Void> update(String id, UnaryOperator<TrainingJob> change) {
    return Async.uni(() -> jobs.find(id))
        .chain(job -> job.isEmpty() ? Uni.createFrom().voidItem() : Async.uni(() -> jobs.save(change.apply(job.get()))));
  }
}
