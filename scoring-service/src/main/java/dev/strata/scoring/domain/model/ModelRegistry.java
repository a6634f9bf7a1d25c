package dev.strata.scoring.domain.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Where model versions live: each version an immutable ONNX artifact plus its {@link ModelCard},
 * and per model a set of aliases ({@code champion}, {@code challenger}) naming versions. A version
 * registered by anyone is visible to the next call, without restart. A version can be archived:
 * it stays stored and listed, but no longer serves and cannot be named by an alias ({@link Archival}).
 */
public interface ModelRegistry {

  String CHAMPION = "champion";
  String CHALLENGER = "challenger";

  /** Stores a new version of {@code card.name()}; the registry assigns the version and digest. */
  CompletionStage<ModelCard> register(ModelCard card, byte[] onnx);

  /** Every model that has at least one version, by name. */
  CompletionStage<List<String>> models();

  /** The versions of a model, oldest first; empty when the model is unknown. */
  CompletionStage<List<ModelCard>> versions(String model);

  CompletionStage<Optional<ModelCard>> card(ModelRef ref);

  /** The stored ONNX bytes of a version (not yet verified against the card's digest). */
  CompletionStage<byte[]> artifact(ModelRef ref);

  CompletionStage<Map<String, String>> aliases(String model);

  CompletionStage<Void> setAlias(String model, String alias, String version);

  /** Removes an alias; nothing happens when the model has no such alias. */
  CompletionStage<Void> removeAlias(String model, String alias);

  /** The archived versions of a model. */
  CompletionStage<Set<String>> archived(String model);

  /** Marks a version archived, for good. */
  CompletionStage<Void> archive(ModelRef ref);
}
