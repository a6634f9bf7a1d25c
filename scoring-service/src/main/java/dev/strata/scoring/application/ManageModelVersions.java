package dev.strata.scoring.application;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import dev.strata.scoring.domain.inference.ModelSignature;
import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.inference.TensorSpec;
import dev.strata.scoring.domain.model.FeatureSpec;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRef;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.model.ModelTask;
import dev.strata.scoring.domain.model.Sha256;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Admin: upload a version built elsewhere, list versions, point an alias at a version. */
public class ManageModelVersions {

  private final ModelRegistry registry;
  private final ScoringModels models;
  private final Clock clock;

  public ManageModelVersions(ModelRegistry registry, ScoringModels models, Clock clock) {
    this.registry = registry;
    this.models = models;
    this.clock = clock;
  }

  /** What an uploader states about the ONNX file; {@code sha256}, when given, must match it. */
  public record Upload(ModelTask task, List<String> features, Integer positiveIndex,
      Map<String, Double> metrics, String sha256, String alias) {}

  public record Listing(List<ModelCard> versions, Map<String, String> aliases) {}

  public ModelCard upload(String model, byte[] onnx, Upload upload) {
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
    if (upload.alias() != null) {
      registry.setAlias(model, upload.alias(), registered.version());
    }
    return registered;
  }

  public Listing list(String model) {
    List<ModelCard> versions = registry.versions(SafeName.IDENTIFIER.require(model));
    if (versions.isEmpty()) {
      throw new DomainException.NotFound("model '" + model + "' has no registered version");
    }
    return new Listing(versions, registry.aliases(model));
  }

  public void setAlias(String model, String alias, String version) {
    registry.setAlias(model, alias, new ModelRef(model, version).version());
  }

  private static TensorSpec only(List<TensorSpec> specs, String what) {
    if (specs.size() != 1) {
      throw new DomainException.Invalid("a registered model must have exactly one " + what + ", not " + specs.size());
    }
    return specs.getFirst();
  }
}
