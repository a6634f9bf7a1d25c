package dev.strata.scoring.application;

import dev.strata.scoring.domain.inference.ModelSignature;
import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.model.ModelResolution;
import dev.strata.scoring.domain.model.ModelUnavailable;
import java.util.List;
import java.util.Optional;

/** What a model version takes and gives, and whether it can serve. */
public class DescribeModel {

  private final ModelRegistry registry;
  private final ScoringModels models;

  public DescribeModel(ModelRegistry registry, ScoringModels models) {
    this.registry = registry;
    this.models = models;
  }

  public record Description(ModelCard card, List<String> versions, ModelSignature signature) {}

  public Description describe(String model, Optional<String> version) {
    ModelCard card = ModelResolution.resolve(registry, model, version);
    List<String> versions = registry.versions(model).stream().map(ModelCard::version).toList();
    return new Description(card, versions, models.signature(card));
  }

  /** Loads the version if needed; false when it exists but cannot serve. */
  public boolean ready(String model, Optional<String> version) {
    ModelCard card = ModelResolution.resolve(registry, model, version);
    try {
      models.signature(card);
      return true;
    } catch (ModelUnavailable e) {
      return false;
    }
  }

  /** Every champion loads; the models that do not, by name. Loading happens here, so it warms. */
  public List<String> championsNotServing() {
    return registry.models().stream().filter(model -> !championServes(model)).toList();
  }

  private boolean championServes(String model) {
    String champion = registry.aliases(model).get(ModelRegistry.CHAMPION);
    return champion == null || ready(model, Optional.of(champion));
  }
}
