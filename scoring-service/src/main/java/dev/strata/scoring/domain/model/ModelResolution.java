package dev.strata.scoring.domain.model;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import java.util.Optional;

/**
 * Which version a caller means: an explicit version, or the model's champion. A missing model
 * says how to produce one, because an empty registry is the normal state of a new install.
 */
public final class ModelResolution {

  private ModelResolution() {}

  public static ModelCard resolve(ModelRegistry registry, String model, Optional<String> version) {
    SafeName.IDENTIFIER.require(model);
    if (version.isPresent()) {
      ModelRef ref = new ModelRef(model, version.get());
      ModelCard card = registry.card(ref).orElseThrow(() ->
          new DomainException.NotFound("model '" + model + "' has no version " + version.get()));
      Archival.requireServing(ref, registry.archived(model));
      return card;
    }
    String champion = registry.aliases(model).get(ModelRegistry.CHAMPION);
    if (champion == null) {
      throw new DomainException.NotFound(missing(model, registry.versions(model).isEmpty()));
    }
    return registry.card(new ModelRef(model, champion)).orElseThrow(() ->
        new DomainException.NotFound("model '" + model + "' champion points at missing version " + champion));
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
  public static Optional<ModelCard> challenger(ModelRegistry registry, ModelCard champion) {
    String version = registry.aliases(champion.name()).get(ModelRegistry.CHALLENGER);
    if (version == null || version.equals(champion.version()) || registry.archived(champion.name()).contains(version)) {
      return Optional.empty();
    }
    return registry.card(new ModelRef(champion.name(), version)).filter(card -> card.task() == champion.task());
  }
}
