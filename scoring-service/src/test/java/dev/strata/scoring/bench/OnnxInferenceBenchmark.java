package dev.strata.scoring.bench;

import dev.strata.scoring.domain.inference.Tensor;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Raw ONNX Runtime throughput in-process, through the same adapter the service uses (no HTTP, no
 * JSON): rows/s = ops/s × rows. Run by bench/run.sh, never by the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
public class OnnxInferenceBenchmark {

  @Param({"1", "1000"})
  int rows;

  private BenchModel model;
  private Tensor input;

  @Setup
  public void trainAndLoad() throws Exception {
    model = new BenchModel(Files.createTempDirectory("strata-jmh-"));
    input = model.input(rows);
    model.models.signature(model.card).toCompletableFuture().join();
  }

  @Benchmark
  public List<Tensor> infer() {
    return model.models.infer(model.card, List.of(input), List.of(model.card.outputName())).toCompletableFuture().join();
  }
}
