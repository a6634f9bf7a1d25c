package dev.strata.scoring.domain.inference;

/** A tensor's elements, flat in row-major order, in the Java type of its datatype. */
public sealed interface TensorData {

  int size();

  DataType type();

  record Floats(float[] values) implements TensorData {
    public int size() { return values.length; }
    public DataType type() { return DataType.FP32; }
  }

  record Doubles(double[] values) implements TensorData {
    public int size() { return values.length; }
    public DataType type() { return DataType.FP64; }
  }

  record Longs(long[] values) implements TensorData {
    public int size() { return values.length; }
    public DataType type() { return DataType.INT64; }
  }

  record Strings(String[] values) implements TensorData {
    public int size() { return values.length; }
    public DataType type() { return DataType.BYTES; }
  }
}
