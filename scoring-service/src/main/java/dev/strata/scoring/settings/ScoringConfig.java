package dev.strata.scoring.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Everything scoring-service is configured with ({@code scoring.*}). */
@ConfigMapping(prefix = "scoring")
public interface ScoringConfig {

  Registry registry();

  Training training();

  Batch batch();

  Onnx onnx();

  Jobs jobs();

  Shadow shadow();

  /** The model registry folder. */
  interface Registry {
    /** Root of {@code <model>/<version>/model.onnx}; default {@code ${STRATA_RUN_DIR}/models}. */
    Path folder();
  }

  /** In-platform training. */
  interface Training {
    /**
     * The floor of the promotion gate: a new version becomes champion only with held-out AUC at least
     * this (and above the current champion's AUC on the same held-out rows).
     */
    @WithDefault("0.80")
    double minAuc();

    /** Share of customers held out for evaluation. */
    @WithDefault("0.2")
    double holdoutFraction();

    /** Seed of the SGD shuffle, so a retrain on the same data gives the same model. */
    @WithDefault("42")
    long seed();

    /** Passes over the training rows. */
    @WithDefault("15")
    int epochs();

    /** Rows per warehouse page while reading training data (warehouse allows at most 10000). */
    @WithDefault("5000")
    int pageSize();
  }

  /** Customer scoring. */
  interface Batch {
    /** Customers fetched and scored per chunk (warehouse allows at most 10000). */
    @WithDefault("1000")
    int chunkSize();
  }

  /**
   * Training and asynchronous scoring jobs, kept in the registry folder that replicas share. Each
   * process touches its running jobs' files every {@code heartbeat-every}; a RUNNING job untouched for
   * {@code lease} is failed by whichever process looks first. The lease must be several heartbeats
   * long, and the replicas' clocks must agree to well within it (NTP).
   */
  interface Jobs {
    @WithDefault("30s")
    Duration lease();

    /** How often this process touches its jobs and looks for abandoned ones. */
    @WithDefault("5s")
    Duration heartbeatEvery();

    /** How long a finished job (and a scoring job's result) stays readable before it is deleted. */
    @WithDefault("7d")
    Duration keepFinished();
  }

  /** Shadow traffic: a model's challenger scores what its champion scores, measured and never returned. */
  interface Shadow {
    /** Whether customer scoring also runs each model's challenger, when it has one, and compares. */
    @WithDefault("true")
    boolean enabled();
  }

  /** ONNX Runtime. */
  interface Onnx {
    /** Threads per inference call; 1 suits many concurrent small requests. */
    @WithDefault("1")
    int intraOpThreads();
  }
}
