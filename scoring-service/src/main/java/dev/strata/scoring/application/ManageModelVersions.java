package dev.strata.scoring.application;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import dev.strata.scoring.domain.inference.ModelSignature;
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

  public ModelCard upload(String model, byte[] onnx, Upload upload, String actor) {
    SafeName.IDENTIFIER.require(model);
    if (upload.sha256() != null && !upload.sha256().equalsIgnoreCase(Sha256.hex(onnx))) {
      throw new DomainException.Invalid("sha256 does not match the uploaded model.onnx");
    }
    ModelSignature signature = models.inspect(onnx);
    TensorSpec input = only(signature.inputs(), "input");
    TensorSpec output = signature.outputs().getFirst();
    long width = input.shape().length == 2 ? input.shape()[1] : -1;
    if (width >= 0 && width != upload.features().size()) {
      throw new DomainException.Invalid("the model takes " + width + " features but " + upload.features().size() + " are named");
    }
    ModelCard card = new ModelCard(model, "1", upload.task(), clock.instant(), upload.metrics(),
        upload.features().stream().map(FeatureSpec::number).toList(), input.name(), output.name(),
        upload.positiveIndex(), null, "external");
    ModelCard registered = registry.register(card, onnx);
    audit.record(actor, "upload-model-version", registered.ref(), Map.of("sha256", registered.sha256()));
    if (upload.alias() != null) {
      setAlias(model, upload.alias(), registered.version(), actor);
    }
    return registered;
  }

  public Listing list(String model) {
    List<ModelCard> versions = registry.versions(SafeName.IDENTIFIER.require(model));
    if (versions.isEmpty()) {
      throw new DomainException.NotFound("model '" + model + "' has no registered version");
    }
    List<String> archived = registry.archived(model).stream().sorted(java.util.Comparator.comparingLong(Long::parseLong)).toList();
    return new Listing(versions, registry.aliases(model), archived);
  }

  public void setAlias(String model, String alias, String version, String actor) {
    ModelRef ref = new ModelRef(model, version);
    Archival.requirePromotable(ref, registry.archived(model));
    String previous = registry.aliases(model).get(alias);
    registry.setAlias(model, alias, ref.version());
    audit.record(actor, "set-alias", ref, Map.of("alias", alias, "previous", previous == null ? "" : previous));
  }

  /** Archives a version: it stays listed but no longer serves; aliases naming it other than the champion go. */
  public void archive(String model, String version, String actor) {
    ModelRef ref = new ModelRef(SafeName.IDENTIFIER.require(model), version);
    if (registry.card(ref).isEmpty()) {
      throw new DomainException.NotFound("model '" + model + "' has no version " + version);
    }
    List<String> dropped = Archival.aliasesToDrop(ref, registry.aliases(model));
    dropped.forEach(alias -> registry.removeAlias(model, alias));
    registry.archive(ref);
    audit.record(actor, "archive-model-version", ref, Map.of("removedAliases", String.join(",", dropped)));
  }

  private static TensorSpec only(List<TensorSpec> specs, String what) {
    if (specs.size() != 1) {
      throw new DomainException.Invalid("a registered model must have exactly one " + what + ", not " + specs.size());
    }
    return specs.getFirst();
  }
}
