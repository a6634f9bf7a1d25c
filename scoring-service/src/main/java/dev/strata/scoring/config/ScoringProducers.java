package dev.strata.scoring.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scoring.adapter.out.filesystem.FileSystemModelRegistry;
import dev.strata.scoring.adapter.out.filesystem.FileSystemScoringJobs;
import dev.strata.scoring.adapter.out.filesystem.FileSystemTrainingJobs;
import dev.strata.scoring.adapter.out.http.WarehouseCalls;
import dev.strata.scoring.adapter.out.http.WarehouseCustomerFeatures;
import dev.strata.scoring.adapter.out.micrometer.MicrometerShadowMetrics;
import dev.strata.scoring.adapter.out.onnx.OnnxScoringModels;
import dev.strata.scoring.adapter.out.rabbitmq.RabbitModelAudit;
import dev.strata.scoring.adapter.out.tribuo.TribuoModelTrainer;
import dev.strata.scoring.application.ChunkScorer;
import dev.strata.scoring.application.DescribeModel;
import dev.strata.scoring.application.ExpireFinishedJobs;
import dev.strata.scoring.application.FailInterruptedJobs;
import dev.strata.scoring.application.InferWithModel;
import dev.strata.scoring.application.JobRunner;
import dev.strata.scoring.application.JobsInFlight;
import dev.strata.scoring.application.ManageModelVersions;
import dev.strata.scoring.application.ScoreCustomers;
import dev.strata.scoring.application.ScoreCustomersInBackground;
import dev.strata.scoring.application.TrainModel;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.model.ModelAudit;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.scoring.ScoringJobs;
import dev.strata.scoring.domain.scoring.ShadowMetrics;
import dev.strata.scoring.domain.training.ModelTrainer;
import dev.strata.scoring.domain.training.PromotionGate;
import dev.strata.scoring.domain.training.TrainingJobs;
import dev.strata.scoring.settings.ScoringConfig;
import dev.strata.support.messaging.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The composition root: adapters behind ports, use cases built from them. */
@ApplicationScoped
public class ScoringProducers {

  /** Where blocking adapters (files, ONNX Runtime, Tribuo, the warehouse client) complete their calls. */
  private final Executor blocking = Infrastructure.getDefaultWorkerPool();

  @Produces
  @ApplicationScoped
  ModelRegistry registry(ScoringConfig config, ObjectMapper json) {
    return new FileSystemModelRegistry(config.registry().folder(), json, blocking);
  }

  @Produces
  @ApplicationScoped
  ScoringModels scoringModels(ModelRegistry registry, ScoringConfig config) {
    return new OnnxScoringModels(registry, config.onnx().intraOpThreads(), blocking);
  }

  @Produces
  @ApplicationScoped
  ModelTrainer trainer(ScoringConfig config) {
    return new TribuoModelTrainer(config.training().epochs(), blocking);
  }

  @Produces
  @ApplicationScoped
  CustomerFeatureSource customerFeatures(WarehouseCalls calls) {
    return new WarehouseCustomerFeatures(calls, blocking);
  }

  /**
   * A job runner whose threads each carry one job from start to end, so the pool's size is how many
   * such jobs run at a time; the rest queue.
   */
  private static JobRunner runnerOn(ExecutorService threads) {
    return job -> threads.execute(() -> job.get().await().indefinitely());
  }

  /** Training is CPU-heavy: one run at a time, never on an event-loop or request thread. */
  @Produces
  @ApplicationScoped
  @Named("training")
  ExecutorService trainingExecutor() {
    return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("model-training").daemon().factory());
  }

  void shutdown(@Disposes @Named("training") ExecutorService executor) {
    executor.shutdownNow();
  }

  /** Background customer scoring: two at a time, queued beyond that, off the request threads. */
  @Produces
  @ApplicationScoped
  @Named("scoring")
  ExecutorService scoringExecutor() {
    return Executors.newFixedThreadPool(2, Thread.ofPlatform().name("customer-scoring-", 1).daemon().factory());
  }

  void shutdownScoring(@Disposes @Named("scoring") ExecutorService executor) {
    executor.shutdownNow();
  }

  @Produces
  @ApplicationScoped
  TrainingJobs trainingJobs(ScoringConfig config, ObjectMapper json) {
    return new FileSystemTrainingJobs(config.registry().folder(), json, blocking);
  }

  @Produces
  @ApplicationScoped
  ScoringJobs scoringJobs(ScoringConfig config, ObjectMapper json) {
    return new FileSystemScoringJobs(config.registry().folder(), json, blocking);
  }

  @Produces
  @ApplicationScoped
  JobsInFlight jobsInFlight() {
    return new JobsInFlight();
  }

  @Produces
  @ApplicationScoped
  FailInterruptedJobs failInterruptedJobs(TrainingJobs trainings, ScoringJobs scorings, JobsInFlight inFlight, ScoringConfig config) {
    return new FailInterruptedJobs(trainings, scorings, inFlight, config.jobs().lease());
  }

  @Produces
  @ApplicationScoped
  ExpireFinishedJobs expireFinishedJobs(TrainingJobs trainings, ScoringJobs scorings, ScoringConfig config) {
    return new ExpireFinishedJobs(trainings, scorings, config.jobs().keepFinished());
  }

  @Produces
  @ApplicationScoped
  InferWithModel inferWithModel(ModelRegistry registry, ScoringModels models) {
    return new InferWithModel(registry, models);
  }

  @Produces
  @ApplicationScoped
  DescribeModel describeModel(ModelRegistry registry, ScoringModels models) {
    return new DescribeModel(registry, models);
  }

  @Produces
  @ApplicationScoped
  ModelAudit modelAudit(AuditTrail audit) {
    return new RabbitModelAudit(audit);
  }

  @Produces
  @ApplicationScoped
  ManageModelVersions manageModelVersions(ModelRegistry registry, ScoringModels models, ModelAudit audit) {
    return new ManageModelVersions(registry, models, audit, Clock.systemUTC());
  }

  @Produces
  @ApplicationScoped
  TrainModel trainModel(CustomerFeatureSource source, ModelTrainer trainer, ModelRegistry registry, ScoringModels models,
      ModelAudit audit, TrainingJobs jobs, JobsInFlight inFlight, @Named("training") ExecutorService executor,
      ScoringConfig config) {
    ScoringConfig.Training training = config.training();
    return new TrainModel(source, trainer, registry, models, new PromotionGate(training.minAuc()), audit, jobs, inFlight,
        runnerOn(executor), Clock.systemUTC(),
        new TrainModel.TrainingSettings(training.holdoutFraction(), training.seed(), training.pageSize()));
  }

  @Produces
  @ApplicationScoped
  @Startup // its counter exists at zero from the start, before the first run
  ScoreCustomers scoreCustomers(CustomerFeatureSource source, ModelRegistry registry, ScoringModels models,
      ScoringConfig config, MeterRegistry meters) {
    Counter rows = Counter.builder("scoring.customers.scored").description("Customers scored (churn and risk), all runs")
        .baseUnit("customers").register(meters);
    Optional<ShadowMetrics> shadow = config.shadow().enabled() ? Optional.of(new MicrometerShadowMetrics(meters)) : Optional.empty();
    return new ScoreCustomers(source, registry, new ChunkScorer(models, shadow), config.batch().chunkSize(),
        (done, total, scored, inChunk) -> rows.increment(inChunk));
  }

  @Produces
  @ApplicationScoped
  ScoreCustomersInBackground scoreCustomersInBackground(ScoreCustomers scoring, ScoringJobs jobs,
      JobsInFlight inFlight, @Named("scoring") ExecutorService executor) {
    return new ScoreCustomersInBackground(scoring, jobs, inFlight, runnerOn(executor), Clock.systemUTC());
  }
}
