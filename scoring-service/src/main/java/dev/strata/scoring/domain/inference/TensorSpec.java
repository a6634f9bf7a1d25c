package dev.strata.scoring.domain.inference;

import java.util.Arrays;

/** A model's declared input or output: name, datatype, shape with -1 for a free dimension. */
public record TensorSpec(String name, DataType datatype, long[] shape) {

  /** Whether a concrete shape fits this declared shape. */
  public boolean accepts(long[] concrete) {
    if (concrete.length != shape.length) {
      return false;
    }
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] >= 0 && shape[i] != concrete[i]) {
        return false;
      }
    }
    return true;
  }

  public String shapeText() {
    return Arrays.toString(shape);
  }
}
