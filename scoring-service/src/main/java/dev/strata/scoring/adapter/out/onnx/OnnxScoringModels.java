package dev.strata.scoring.adapter.out.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.inference.ModelSignature;
import dev.strata.scoring.domain.inference.ScoringModels;
import dev.strata.scoring.domain.inference.Tensor;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRef;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.model.ModelUnavailable;
import dev.strata.scoring.domain.model.Sha256;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * ONNX Runtime behind {@link ScoringModels}: one {@link OrtSession} per registered version, created
 * on first use after the artifact's sha256 matched its card, and shared by every request (sessions
 * are thread-safe). Versions are immutable, so a cached session never goes stale. Loading a version reads
 * and verifies its file on the executor the runtime is given. On a loaded version the signature and an
 * inference are answered where they are asked (the infer routes' event loop): a run takes microseconds
 * per row, less than the hop to a worker thread costs (BENCHMARKS.md, scoring).
 */
public class OnnxScoringModels implements ScoringModels {

  private final ModelRegistry registry;
  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final int intraOpThreads;
  private final Executor executor;
  private final Map<ModelRef, Loaded> sessions = new ConcurrentHashMap<>();

  private record Loaded(OrtSession session, ModelSignature signature) {}

  public OnnxScoringModels(ModelRegistry registry, int intraOpThreads, Executor executor) {
    this.registry = registry;
    this.intraOpThreads = intraOpThreads;
    this.executor = executor;
  }

  @Override
  public CompletionStage<ModelSignature> signature(ModelCard card) {
    return load(card).thenApply(Loaded::signature);
  }

  @Override
  public boolean isLoaded(ModelCard card) {
    return sessions.containsKey(card.ref());
  }

  @Override
  public CompletionStage<List<Tensor>> infer(ModelCard card, List<Tensor> inputs, List<String> outputs) {
    return load(card).thenApply(loaded -> run(loaded, inputs, outputs));
  }

  private List<Tensor> run(Loaded loaded, List<Tensor> inputs, List<String> outputs) {
    Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
    try {
      for (Tensor input : inputs) {
        feeds.put(input.name(), OnnxTensors.toOnnx(environment, input));
      }
      var wanted = outputs.isEmpty()
          ? new LinkedHashSet<>(loaded.session().getOutputNames())
          : new LinkedHashSet<>(outputs);
      try (OrtSession.Result result = loaded.session().run(feeds, wanted)) {
        List<Tensor> answer = new ArrayList<>();
        for (Map.Entry<String, OnnxValue> output : result) {
          answer.add(OnnxTensors.fromOnnx(output.getKey(), (OnnxTensor) output.getValue()));
        }
        return answer;
      }
    } catch (OrtException e) {
      // shapes and types were checked against the signature; what remains is the data itself
      throw new DomainException.Invalid("the model rejected the input: " + e.getMessage());
    } finally {
      feeds.values().forEach(OnnxTensor::close);
    }
  }

  @Override
  public CompletionStage<ModelSignature> inspect(byte[] onnx) {
    return CompletableFuture.supplyAsync(() -> inspectNow(onnx), executor);
  }

  private ModelSignature inspectNow(byte[] onnx) {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = environment.createSession(onnx, options)) {
      return OnnxTensors.signature(session);
    } catch (OrtException e) {
      throw new DomainException.Invalid("not a loadable ONNX model: " + e.getMessage());
    }
  }

  // a loaded version is answered from memory; the first call reads, verifies and opens it
  private CompletionStage<Loaded> load(ModelCard card) {
    Loaded loaded = sessions.get(card.ref());
    if (loaded != null) {
      return CompletableFuture.completedFuture(loaded);
    }
    return registry.artifact(card.ref())
        .thenApplyAsync(bytes -> sessions.computeIfAbsent(card.ref(), ref -> open(card, bytes)), executor);
  }

  private Loaded open(ModelCard card, byte[] bytes) {
    String digest = Sha256.hex(bytes);
    if (!digest.equals(card.sha256())) {
      throw new ModelUnavailable("model " + card.ref() + " refused: model.onnx has sha256 " + digest
          + " but model.json records " + card.sha256() + "; re-register the version");
    }
    try {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(intraOpThreads);
      OrtSession session = environment.createSession(bytes, options);
      return new Loaded(session, OnnxTensors.signature(session));
    } catch (OrtException e) {
      throw new ModelUnavailable("model " + card.ref() + " could not be loaded by ONNX Runtime: " + e.getMessage(), e);
    }
  }

}
