package dev.strata.scoring.domain.inference;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.error.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSignatureTest {

  private final ModelSignature signature = new ModelSignature(
      List.of(new TensorSpec("input", DataType.FP32, new long[] {-1, 3})),
      List.of(new TensorSpec("output", DataType.FP32, new long[] {-1, 2})));

  private static Tensor floats(String name, long... shape) {
    int n = 1;
    for (long d : shape) n *= (int) d;
    return new Tensor(name, shape, new TensorData.Floats(new float[n]));
  }

  @Test
  void anyBatchSizeOfTheDeclaredWidthIsAccepted() {
    assertThatCode(() -> signature.check(List.of(floats("input", 7, 3)), List.of("output"))).doesNotThrowAnyException();
  }

  @Test
  void aWrongWidthOrRankIsRejected() {
    assertThatThrownBy(() -> signature.check(List.of(floats("input", 1, 4)), List.of())).isInstanceOf(DomainException.Invalid.class).hasMessageContaining("shape");
    assertThatThrownBy(() -> signature.check(List.of(floats("input", 3)), List.of())).isInstanceOf(DomainException.Invalid.class);
  }

  @Test
  void aWrongDatatypeAMissingOrUnknownInputAndAnUnknownOutputAreRejected() {
    Tensor doubles = new Tensor("input", new long[] {1, 3}, new TensorData.Doubles(new double[3]));
    assertThatThrownBy(() -> signature.check(List.of(doubles), List.of())).hasMessageContaining("FP32");
    assertThatThrownBy(() -> signature.check(List.of(), List.of())).hasMessageContaining("missing input 'input'");
    assertThatThrownBy(() -> signature.check(List.of(floats("other", 1, 3)), List.of())).hasMessageContaining("unexpected input");
    assertThatThrownBy(() -> signature.check(List.of(floats("input", 1, 3)), List.of("nope"))).hasMessageContaining("unknown output");
  }

  @Test
  void aTensorWhoseDataDoesNotFillItsShapeCannotExist() {
    assertThatThrownBy(() -> new Tensor("input", new long[] {2, 3}, new TensorData.Floats(new float[5])))
        .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("needs 6");
    assertThatThrownBy(() -> new Tensor("input", new long[] {-1, 3}, new TensorData.Floats(new float[3])))
        .isInstanceOf(DomainException.Invalid.class);
  }
}
