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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * Trains a known model from warehouse gold features on a background executor: fetch → split →
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
  private final Executor executor;
  private final Clock clock;
  private final TrainingSettings settings;
  private final TrainingJobs jobs;
  private final JobsInFlight inFlight;

  /** Held-out fraction, seed and warehouse page size of every run. */
  public record TrainingSettings(double holdoutFraction, long seed, int pageSize) {}

  public TrainModel(CustomerFeatureSource source, ModelTrainer trainer, ModelRegistry registry, ScoringModels models,
      PromotionGate gate, ModelAudit audit, TrainingJobs jobs, JobsInFlight inFlight, Executor executor, Clock clock,
      TrainingSettings settings) {
    this.jobs = jobs;
    this.inFlight = inFlight;
    this.data = new TrainingData(source, settings.pageSize());
    this.trainer = trainer;
    this.registry = registry;
    this.holdoutScoring = new HoldoutScoring(models);
    this.gate = gate;
    this.audit = audit;
    this.executor = executor;
    this.clock = clock;
    this.settings = settings;
  }

  /** @param actor the principal starting the run: any operator may, the gate decides the promotion */
  public TrainingJob start(String model, String actor) {
    Recipe recipe = Recipe.of(model);
    TrainingJob job = TrainingJob.queued(UUID.randomUUID().toString(), model, actor, clock.instant());
    jobs.save(job);
    inFlight.run(job.id(), executor, () -> run(job.id(), recipe, actor));
    return job;
  }

  public TrainingJob job(String id) {
    return jobs.find(id).orElseThrow(() -> new DomainException.NotFound("no training job " + id));
  }

  private void run(String id, Recipe recipe, String actor) {
    try {
      TrainingData.Labelled labelled = data.fetch(recipe, rows -> progress(id, "fetching", rows));
      int rows = labelled.rows().size();
      HoldoutSplit split = HoldoutSplit.of(labelled.rows(), settings.holdoutFraction());
      progress(id, "training", rows);
      TrainedModel trained = trainer.train(recipe.task(), labelled.featureNames(), split.training(), settings.seed());
      progress(id, "evaluating", rows);
      Map<String, Double> metrics = evaluate(recipe.task(), trained, split);
      progress(id, "registering", rows);
      ModelCard card = new ModelCard(recipe.model(), "1", recipe.task(), clock.instant(), metrics,
          trained.featureOrder().stream().map(FeatureSpec::number).toList(), trained.inputName(),
          trained.outputName(), trained.positiveIndex(), null, labelled.fingerprint());
      ModelCard registered = registry.register(card, trained.onnx());
      PromotionGate.Decision decision = promote(id, actor, registered, metrics, labelled.featureNames(), split.holdout());
      update(id, job -> job.succeeded(registered.version(), decision.promote(), metrics));
    } catch (DomainException e) {
      update(id, job -> job.failed(e.getMessage()));
    } catch (RuntimeException e) {
      // The job is readable by any reader: an unexpected failure's message (a downstream URL, a
      // driver detail) stays in the service log and the job says only where to look
      LOG.log(System.Logger.Level.ERROR, "training job " + id + " failed", e);
      update(id, job -> job.failed("training failed unexpectedly (" + e.getClass().getSimpleName() + "); see the scoring-service log"));
    }
  }

  /** Measures the champion and the new version on the same held-out rows, lets the gate decide, moves the alias. */
  private PromotionGate.Decision promote(String id, String actor, ModelCard registered, Map<String, Double> metrics, List<String> featureNames,
      List<LabeledRow> holdout) {
    String model = registered.name();
    Optional<Incumbent> champion = Optional.ofNullable(registry.aliases(model).get(ModelRegistry.CHAMPION))
        .map(version -> new Incumbent(version, registry.card(new ModelRef(model, version))
            .map(card -> holdoutScoring.evaluate(card, featureNames, holdout)).orElse(Map.of())));
    Map<String, Double> onSameRuntime = champion.isEmpty() ? Map.of() : holdoutScoring.evaluate(registered, featureNames, holdout);
    PromotionGate.Decision decision = gate.decide(onSameRuntime.isEmpty() ? metrics : onSameRuntime, champion);
    String alias = decision.promote() ? ModelRegistry.CHAMPION : ModelRegistry.CHALLENGER;
    String previous = registry.aliases(model).get(alias);
    registry.setAlias(model, alias, registered.version());
    update(id, job -> job.decided(decision.reason(), champion.orElse(null)));
    audit.record(actor, "set-alias", registered.ref(), Map.of(
        "alias", alias, "previous", previous == null ? "" : previous, "trainingJob", id, "reason", decision.reason()));
    return decision;
  }

  private static Map<String, Double> evaluate(ModelTask task, TrainedModel trained, HoldoutSplit split) {
    double[] predicted = trained.predictor().predict(split.holdout().stream().map(LabeledRow::values).toList());
    return task == ModelTask.CLASSIFICATION
        ? Evaluation.classifier(predicted, split.holdout())
        : Evaluation.regressor(predicted, split.holdout());
  }

  private void progress(String id, String stage, int rows) {
    update(id, job -> job.at(stage, rows));
  }

  // one training thread runs one job at a time, so read-modify-write of its record does not race
  private void update(String id, UnaryOperator<TrainingJob> change) {
    jobs.find(id).ifPresent(job -> jobs.save(change.apply(job)));
  }
}
