package dev.strata.scoring.application;

import dev.strata.scoring.domain.inference.ModelSignature;
import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.model.ModelResolution;
import dev.strata.scoring.domain.model.ModelUnavailable;
import io.smallrye.mutiny.Uni;
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

  public Uni<Description> describe(String model, Optional<String> version) {
    return Async.uni(() -> ModelResolution.resolve(registry, model, version)).chain(card ->
        Async.uni(() -> registry.versions(model)).chain(versions -> Async.uni(() -> models.signature(card))
            .map(signature -> new Description(card, versions.stream().map(ModelCard::version).toList(), signature))));
  }

  /** Loads the version if needed; false when it exists but cannot serve. */
  public Uni<Boolean> ready(String model, Optional<String> version) {
    return Async.uni(() -> ModelResolution.resolve(registry, model, version))
        .chain(card -> Async.uni(() -> models.signature(card)).replaceWith(true)
            .onFailure(ModelUnavailable.class).recoverWithItem(false));
  }

  /** Every champion loads; the models that do not, by name. Loading happens here, so it warms. */
  public Uni<List<String>> championsNotServing() {
    return Async.uni(registry::models).chain(names -> Async.inOrder(names, this::championServes))
        .map(served -> served.stream().filter(model -> !model.serves()).map(Served::model).toList());
  }

  private record Served(String model, boolean serves) {}

  private Uni<Served> championServes(String model) {
    return Async.uni(() -> registry.aliases(model)).chain(aliases -> {
      String champion = aliases.get(ModelRegistry.CHAMPION);
      return champion == null ? Uni.createFrom().item(true) : ready(model, Optional.of(champion));
    }).map(serves -> new Served(model, serves));
  }
}
