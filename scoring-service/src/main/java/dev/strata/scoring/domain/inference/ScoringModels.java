package dev.strata.scoring.domain.inference;

import dev.strata.scoring.domain.model.ModelCard;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The runtime that executes registered models. A version is loaded once (after its digest is
 * verified) and shared by every caller; loading a version that fails verification throws
 * {@link dev.strata.scoring.domain.model.ModelUnavailable}.
 */
public interface ScoringModels {

  /** Loads the version if needed and returns what it takes and gives. */
  CompletionStage<ModelSignature> signature(ModelCard card);

  /** Whether the version is loaded and serving (in memory, so answered at once). */
  boolean isLoaded(ModelCard card);

  /** Runs the version; {@code outputs} empty means every output. Inputs are already checked. */
  CompletionStage<List<Tensor>> infer(ModelCard card, List<Tensor> inputs, List<String> outputs);

  /** The signature of ONNX bytes that are not registered yet, or a client-facing error. */
  CompletionStage<ModelSignature> inspect(byte[] onnx);
}
