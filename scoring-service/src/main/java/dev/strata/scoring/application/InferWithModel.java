package dev.strata.scoring.application;

import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.inference.Tensor;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.model.ModelResolution;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/** Runs one inference request against a version (or the champion) of a model. */
public class InferWithModel {

  private final ModelRegistry registry;
  private final ScoringModels models;

  public InferWithModel(ModelRegistry registry, ScoringModels models) {
    this.registry = registry;
    this.models = models;
  }

  /** The version that answered and its outputs. */
  public record Inference(ModelCard card, List<Tensor> outputs) {}

  /**
   * One {@code Uni} over the ports' stages chained together: this runs per inference request, and every
   * Mutiny operator captures and restores the request's context, which costs more than a warm model's
   * lookups and run (BENCHMARKS.md, scoring).
   */
  public Uni<Inference> run(String model, Optional<String> version, List<Tensor> inputs, List<String> outputs) {
    return Async.uni(() -> ModelResolution.resolve(registry, model, version)
        .thenCompose(card -> models.signature(card)
            .thenCompose(signature -> {
              signature.check(inputs, outputs);
              return models.infer(card, inputs, outputs);
            })
            .thenApply(answer -> new Inference(card, answer))));
  }
}
