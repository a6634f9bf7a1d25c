package dev.strata.scoring.application;

import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import dev.strata.scoring.domain.model.FeatureSpec;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.training.Evaluation;
import dev.strata.scoring.domain.training.HoldoutSplit;
import dev.strata.scoring.domain.training.LabeledRow;
import dev.strata.scoring.domain.training.ModelTrainer;
import dev.strata.scoring.domain.training.PromotionGate;
import dev.strata.scoring.domain.training.Recipe;
import dev.strata.scoring.domain.training.TrainedModel;
import dev.strata.scoring.domain.training.TrainingJob;
import dev.strata.scoring.domain.training.TrainingJobs;
import dev.strata.scoring.domain.model.ModelTask;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * Trains a known model from warehouse gold features on a background executor: fetch → split →
 * fit → evaluate on the held-out split → register → champion if the gate admits it, challenger
 * otherwise. Progress is saved after every stage (and every warehouse page), so the job is
 * readable while it runs and after a restart.
 */
public class TrainModel {

  private static final System.Logger LOG = System.getLogger(TrainModel.class.getName());

  private final TrainingData data;
  private final ModelTrainer trainer;
  private final ModelRegistry registry;
  private final PromotionGate gate;
  private final Executor executor;
  private final Clock clock;
  private final TrainingSettings settings;
  private final TrainingJobs jobs;
  private final JobsInFlight inFlight;

  /** Held-out fraction, seed and warehouse page size of every run. */
  public record TrainingSettings(double holdoutFraction, long seed, int pageSize) {}

  public TrainModel(CustomerFeatureSource source, ModelTrainer trainer, ModelRegistry registry,
      PromotionGate gate, TrainingJobs jobs, JobsInFlight inFlight, Executor executor, Clock clock, TrainingSettings settings) {
    this.jobs = jobs;
    this.inFlight = inFlight;
    this.data = new TrainingData(source, settings.pageSize());
    this.trainer = trainer;
    this.registry = registry;
    this.gate = gate;
    this.executor = executor;
    this.clock = clock;
    this.settings = settings;
  }

  public TrainingJob start(String model) {
    Recipe recipe = Recipe.of(model);
    TrainingJob job = TrainingJob.queued(UUID.randomUUID().toString(), model, clock.instant());
    jobs.save(job);
    inFlight.run(job.id(), executor, () -> run(job.id(), recipe));
    return job;
  }

  public TrainingJob job(String id) {
    return jobs.find(id).orElseThrow(() -> new DomainException.NotFound("no training job " + id));
  }

  private void run(String id, Recipe recipe) {
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
      boolean champion = gate.admits(metrics);
      registry.setAlias(recipe.model(), champion ? ModelRegistry.CHAMPION : ModelRegistry.CHALLENGER, registered.version());
      update(id, job -> job.succeeded(registered.version(), champion, metrics));
    } catch (DomainException e) {
      update(id, job -> job.failed(e.getMessage()));
    } catch (RuntimeException e) {
      // The job is readable by any reader: an unexpected failure's message (a downstream URL, a
      // driver detail) stays in the service log and the job says only where to look
      LOG.log(System.Logger.Level.ERROR, "training job " + id + " failed", e);
      update(id, job -> job.failed("training failed unexpectedly (" + e.getClass().getSimpleName() + "); see the scoring-service log"));
    }
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
