package dev.strata.scoring.application;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.inference.TensorSpec;
import dev.strata.scoring.domain.model.Archival;
import dev.strata.scoring.domain.model.FeatureSpec;
import dev.strata.scoring.domain.model.ModelAudit;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRef;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.model.ModelTask;
import dev.strata.scoring.domain.model.Sha256;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Admin: upload a version built elsewhere, list versions, point an alias at a version, archive a
 * version. Every change is audited in the name of the admin who made it.
 */
public class ManageModelVersions {

  private final ModelRegistry registry;
  private final ScoringModels models;
  private final ModelAudit audit;
  private final Clock clock;

  public ManageModelVersions(ModelRegistry registry, ScoringModels models, ModelAudit audit, Clock clock) {
    this.registry = registry;
    this.models = models;
    this.audit = audit;
    this.clock = clock;
  }

  /** What an uploader states about the ONNX file; {@code sha256}, when given, must match it. */
  public record Upload(ModelTask task, List<String> features, Integer positiveIndex,
      Map<String, Double> metrics, String sha256, String alias) {}

  /** @param archived the versions that are kept but neither serve nor can be named by an alias */
  public record Listing(List<ModelCard> versions, Map<String, String> aliases, List<String> archived) {}

  public Uni<ModelCard> upload(String model, byte[] onnx, Upload upload, String actor) {
    return Uni.createFrom().item(() -> {
      SafeName.IDENTIFIER.require(model);
      if (upload.sha256() != null && !upload.sha256().equalsIgnoreCase(Sha256.hex(onnx))) {
        throw new DomainException.Invalid("sha256 does not match the uploaded model.onnx");
      }
      return onnx;
    }).chain(checked -> Async.uni(() -> models.inspect(onnx))).map(signature -> {
      TensorSpec input = only(signature.inputs(), "input");
      TensorSpec output = signature.outputs().getFirst();
      long width = input.shape().length == 2 ? input.shape()[1] : -1;
      if (width >= 0 && width != upload.features().size()) {
        throw new DomainException.Invalid("the model takes " + width + " features but " + upload.features().size() + " are named");
      }
      return new ModelCard(model, "1", upload.task(), clock.instant(), upload.metrics(),
          upload.features().stream().map(FeatureSpec::number).toList(), input.name(), output.name(),
          upload.positiveIndex(), null, "external");
    }).chain(card -> Async.uni(() -> registry.register(card, onnx)))
        .call(registered -> Async.uni(() -> audit.record(actor, "upload-model-version", registered.ref(), Map.of("sha256", registered.sha256()))))
        .call(registered -> upload.alias() == null ? Uni.createFrom().voidItem() : setAlias(model, upload.alias(), registered.version(), actor));
  }

  public Uni<Listing> list(String model) {
    return Async.uni(() -> registry.versions(SafeName.IDENTIFIER.require(model))).chain(versions -> {
      if (versions.isEmpty()) {
        throw new DomainException.NotFound("model '" + model + "' has no registered version");
      }
      return Async.uni(() -> registry.archived(model)).chain(archived -> Async.uni(() -> registry.aliases(model)).map(aliases ->
          new Listing(versions, aliases, archived.stream().sorted(java.util.Comparator.comparingLong(Long::parseLong)).toList())));
    });
  }

  public Uni<Void> setAlias(String model, String alias, String version, String actor) {
    ModelRef ref = new ModelRef(model, version);
    return Async.uni(() -> registry.archived(model))
        .invoke(archived -> Archival.requirePromotable(ref, archived))
        .chain(archived -> Async.uni(() -> registry.aliases(model)))
        .chain(aliases -> {
          String previous = aliases.get(alias);
          return Async.uni(() -> registry.setAlias(model, alias, ref.version()))
              .chain(() -> Async.uni(() -> audit.record(actor, "set-alias", ref,
                  Map.of("alias", alias, "previous", previous == null ? "" : previous))));
        });
  }

  /** Archives a version: it stays listed but no longer serves; aliases naming it other than the champion go. */
  public Uni<Void> archive(String model, String version, String actor) {
    return Uni.createFrom().item(() -> new ModelRef(SafeName.IDENTIFIER.require(model), version))
        .chain(ref -> Async.uni(() -> registry.card(ref)).chain(card -> {
          if (card.isEmpty()) {
            throw new DomainException.NotFound("model '" + model + "' has no version " + version);
          }
          return Async.uni(() -> registry.aliases(model));
        }).map(aliases -> Archival.aliasesToDrop(ref, aliases))
            .call(dropped -> Async.inOrder(dropped, alias -> Async.uni(() -> registry.removeAlias(model, alias))))
            .call(dropped -> Async.uni(() -> registry.archive(ref)))
            .chain(dropped -> Async.uni(() -> audit.record(actor, "archive-model-version", ref,
                Map.of("removedAliases", String.join(",", dropped))))));
  }

  private static TensorSpec only(List<TensorSpec> specs, String what) {
    if (specs.size() != 1) {
      throw new DomainException.Invalid("a registered model must have exactly one " + what + ", not " + specs.size());
    }
    return specs.getFirst();
  }
}
