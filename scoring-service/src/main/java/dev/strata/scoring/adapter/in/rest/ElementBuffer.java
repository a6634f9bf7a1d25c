package dev.strata.scoring.adapter.in.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.inference.DataType;
import dev.strata.scoring.domain.inference.TensorData;
import java.io.IOException;
import java.util.Arrays;

/**
 * A growable primitive array of one OIP datatype, filled one JSON scalar at a time while the
 * request is parsed, so a 23,000-number {@code data} array never becomes 23,000 tree nodes.
 */
abstract sealed class ElementBuffer {

  protected final String input;
  protected int size;

  private ElementBuffer(String input) {
    this.input = input;
  }

  /** A buffer for the datatype, pre-sized to the element count the shape promises (0 = unknown). */
  static ElementBuffer of(DataType type, String input, int expected) {
    int capacity = Math.max(16, expected);
    return switch (type) {
      case FP32 -> new Floats(input, capacity);
      case FP64 -> new Doubles(input, capacity);
      case INT64 -> new Longs(input, capacity);
      case BYTES -> new Strings(input, capacity);
    };
  }

  /** Appends the scalar under the parser, or refuses a value of the wrong kind. */
  abstract void add(JsonParser parser) throws IOException;

  abstract TensorData toData();

  protected DomainException wrongKind(DataType type, JsonParser parser) throws IOException {
    String value = parser.currentToken() == JsonToken.VALUE_STRING ? '"' + parser.getText() + '"' : parser.getText();
    return new DomainException.Invalid("input '" + input + "' is " + type + " but holds " + value);
  }

  protected static int grown(int length) {
    return Math.max(16, length * 2);
  }

  static final class Floats extends ElementBuffer {
    private float[] values;

    Floats(String input, int capacity) { super(input); values = new float[capacity]; }

    void add(JsonParser parser) throws IOException {
      if (!parser.currentToken().isNumeric()) throw wrongKind(DataType.FP32, parser);
      if (size == values.length) values = Arrays.copyOf(values, grown(values.length));
      values[size++] = parser.getFloatValue();
    }

    TensorData toData() { return new TensorData.Floats(size == values.length ? values : Arrays.copyOf(values, size)); }
  }

  static final class Doubles extends ElementBuffer {
    private double[] values;

    Doubles(String input, int capacity) { super(input); values = new double[capacity]; }

    void add(JsonParser parser) throws IOException {
      if (!parser.currentToken().isNumeric()) throw wrongKind(DataType.FP64, parser);
      if (size == values.length) values = Arrays.copyOf(values, grown(values.length));
      values[size++] = parser.getDoubleValue();
    }

    TensorData toData() { return new TensorData.Doubles(size == values.length ? values : Arrays.copyOf(values, size)); }
  }

  static final class Longs extends ElementBuffer {
    private long[] values;

    Longs(String input, int capacity) { super(input); values = new long[capacity]; }

    void add(JsonParser parser) throws IOException {
      // a fraction or a number beyond 64 bits is not an INT64
      if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw wrongKind(DataType.INT64, parser);
      }
      if (size == values.length) values = Arrays.copyOf(values, grown(values.length));
      values[size++] = parser.getLongValue();
    }

    TensorData toData() { return new TensorData.Longs(size == values.length ? values : Arrays.copyOf(values, size)); }
  }

  static final class Strings extends ElementBuffer {
    private String[] values;

    Strings(String input, int capacity) { super(input); values = new String[capacity]; }

    void add(JsonParser parser) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) throw wrongKind(DataType.BYTES, parser);
      if (size == values.length) values = Arrays.copyOf(values, grown(values.length));
      values[size++] = parser.getText();
    }

    TensorData toData() { return new TensorData.Strings(size == values.length ? values : Arrays.copyOf(values, size)); }
  }
}
