package dev.strata.scoring.domain.model;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Which version a caller means: an explicit version, or the model's champion. A missing model
 * says how to produce one, because an empty registry is the normal state of a new install.
 */
public final class ModelResolution {

  private ModelResolution() {}

  public static CompletionStage<ModelCard> resolve(ModelRegistry registry, String model, Optional<String> version) {
    SafeName.IDENTIFIER.require(model);
    if (version.isPresent()) {
      ModelRef ref = new ModelRef(model, version.get());
      return registry.card(ref).thenCompose(found -> {
        ModelCard card = found.orElseThrow(() ->
            new DomainException.NotFound("model '" + model + "' has no version " + version.get()));
        return registry.archived(model).thenApply(archived -> {
          Archival.requireServing(ref, archived);
          return card;
        });
      });
    }
    return registry.aliases(model).thenCompose(aliases -> {
      String champion = aliases.get(ModelRegistry.CHAMPION);
      if (champion == null) {
        return registry.versions(model).<ModelCard>thenApply(versions -> {
          throw new DomainException.NotFound(missing(model, versions.isEmpty()));
        });
      }
      return registry.card(new ModelRef(model, champion)).thenApply(card -> card.orElseThrow(() ->
          new DomainException.NotFound("model '" + model + "' champion points at missing version " + champion)));
    });
  }

  private static String missing(String model, boolean noVersions) {
    String how = "train one with POST /models/" + model + "/train, or upload one with POST /models/"
        + model + "/versions and set its alias with PUT /models/" + model + "/aliases/champion";
    return noVersions
        ? "model '" + model + "' has no registered version; " + how
        : "model '" + model + "' has no champion version; " + how;
  }

  /**
   * The version that shadows {@code champion}: the model's {@code challenger}, when it names another
   * version of the same task that is not archived.
   */
  public static CompletionStage<Optional<ModelCard>> challenger(ModelRegistry registry, ModelCard champion) {
    return registry.aliases(champion.name()).thenCompose(aliases -> {
      String version = aliases.get(ModelRegistry.CHALLENGER);
      if (version == null || version.equals(champion.version())) {
        return CompletableFuture.completedFuture(Optional.empty());
      }
      return registry.archived(champion.name()).thenCompose(archived -> archived.contains(version)
          ? CompletableFuture.completedFuture(Optional.<ModelCard>empty())
          : registry.card(new ModelRef(champion.name(), version))
              .thenApply(card -> card.filter(c -> c.task() == champion.task())));
    });
  }
}
