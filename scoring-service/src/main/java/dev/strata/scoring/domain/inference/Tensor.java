package dev.strata.scoring.domain.inference;

import dev.strata.kernel.error.DomainException;
import java.util.Arrays;

/**
 * A named tensor. Invariant: the number of elements equals the product of the shape, and every
 * dimension is non-negative.
 */
public record Tensor(String name, long[] shape, TensorData data) {

  public Tensor {
    long expected = 1;
    for (long dim : shape) {
      if (dim < 0) {
        throw new DomainException.Invalid("tensor '" + name + "' has a negative dimension in shape " + Arrays.toString(shape));
      }
      expected = Math.multiplyExact(expected, dim);
    }
    if (expected != data.size()) {
      throw new DomainException.Invalid("tensor '" + name + "' has " + data.size() + " elements but shape "
          + Arrays.toString(shape) + " needs " + expected);
    }
  }

  public DataType datatype() {
    return data.type();
  }
}
