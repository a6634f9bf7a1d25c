package dev.strata.scoring.adapter.in.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.inference.DataType;
import dev.strata.scoring.domain.inference.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an Open Inference Protocol v2 request by streaming its JSON: each tensor's {@code data}
 * (flat or nested, read row-major) goes straight into a primitive array of its datatype, with no
 * tree in between. When a client sends {@code data} before {@code datatype}, that one array is
 * held as tokens until the datatype is known. Anything malformed is a client error naming the field.
 */
final class OipRequestReader {

  private final JsonFactory factory;

  OipRequestReader(JsonFactory factory) {
    this.factory = factory;
  }

  record InferRequest(String id, List<Tensor> inputs, List<String> outputs) {}

  InferRequest read(byte[] body) {
    try (JsonParser parser = factory.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new DomainException.Invalid("request body must be a JSON object");
      }
      InferRequest request = request(parser, body.length);
      if (parser.nextToken() != null) {
        throw new DomainException.Invalid("request body is not valid JSON: content after the object");
      }
      return request;
    } catch (IOException e) {
      throw new DomainException.Invalid("request body is not valid JSON");
    }
  }

  private InferRequest request(JsonParser parser, int bodyLength) throws IOException {
    String id = null;
    List<Tensor> inputs = null;
    List<String> outputs = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "id" -> {
          if (value != JsonToken.VALUE_STRING) throw new DomainException.Invalid("'id' must be a string");
          id = parser.getText();
        }
        case "inputs" -> inputs = inputs(parser, bodyLength);
        case "outputs" -> outputs = outputs(parser);
        default -> parser.skipChildren(); // parameters and extensions this server does not use
      }
    }
    if (inputs == null || inputs.isEmpty()) {
      throw new DomainException.Invalid("'inputs' must be a non-empty array");
    }
    return new InferRequest(id, inputs, outputs);
  }

  private List<Tensor> inputs(JsonParser parser, int bodyLength) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw new DomainException.Invalid("'inputs' must be a non-empty array");
    }
    List<Tensor> tensors = new ArrayList<>(2);
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw new DomainException.Invalid("each input must be an object");
      }
      tensors.add(new TensorReader(bodyLength).read(parser));
    }
    return tensors;
  }

  private static List<String> outputs(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw new DomainException.Invalid("'outputs' must be an array");
    }
    List<String> names = new ArrayList<>(2);
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String name = null;
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw new DomainException.Invalid("outputs[].name must be a non-empty string");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean isName = "name".equals(parser.currentName());
        if (parser.nextToken() == JsonToken.VALUE_STRING && isName) {
          name = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
      names.add(nonEmpty(name, "outputs[].name"));
    }
    return names;
  }

  static String nonEmpty(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new DomainException.Invalid(what + " must be a non-empty string");
    }
    return value;
  }

  /** One input object; its fields may come in any order. */
  private static final class TensorReader {
    private final int bodyLength;
    private String name;
    private String datatype;
    private long[] shape;
    private ElementBuffer elements;
    private TokenBuffer early;

    TensorReader(int bodyLength) {
      this.bodyLength = bodyLength;
    }

    Tensor read(JsonParser parser) throws IOException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "name" -> name = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          case "datatype" -> datatype = value == JsonToken.VALUE_STRING ? parser.getText() : "";
          case "shape" -> shape = shape(parser);
          case "data" -> data(parser);
          default -> parser.skipChildren();
        }
      }
      String input = nonEmpty(name, "inputs[].name");
      DataType type = DataType.parse(nonEmpty(datatype, "input '" + input + "' datatype"));
      if (shape == null) {
        throw new DomainException.Invalid("input '" + input + "' needs a 'shape' array");
      }
      if (early != null) {
        try (JsonParser replay = early.asParser()) {
          replay.nextToken();
          elements = fill(replay, type, input);
        }
      }
      if (elements == null) {
        throw new DomainException.Invalid("input '" + input + "' needs a 'data' array");
      }
      return new Tensor(input, shape, elements.toData());
    }

    private void data(JsonParser parser) throws IOException {
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        throw new DomainException.Invalid("input '" + (name == null ? "?" : name) + "' needs a 'data' array");
      }
      if (name != null && datatype != null && !datatype.isEmpty()) {
        elements = fill(parser, DataType.parse(datatype), name);
      } else {
        // the datatype decides how to read the numbers: keep the tokens until it arrives
        early = new TokenBuffer(parser);
        early.copyCurrentStructure(parser);
      }
    }

    /** Reads the array under the parser, at any depth, into a buffer of the datatype. */
    private ElementBuffer fill(JsonParser parser, DataType type, String input) throws IOException {
      ElementBuffer buffer = ElementBuffer.of(type, input, expectedElements());
      int depth = 1;
      while (depth > 0) {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
          depth++;
        } else if (token == JsonToken.END_ARRAY) {
          depth--;
        } else if (token == JsonToken.START_OBJECT) {
          throw new DomainException.Invalid("input '" + input + "' is " + type + " but holds an object");
        } else {
          buffer.add(parser);
        }
      }
      return buffer;
    }

    /** What the shape promises, but never more than the body could hold (a hostile shape allocates nothing). */
    private int expectedElements() {
      if (shape == null) {
        return 0;
      }
      long product = 1;
      for (long dim : shape) {
        product *= Math.max(0, Math.min(dim, bodyLength));
        if (product > bodyLength / 2) {
          return 0;
        }
      }
      return (int) product;
    }

    private long[] shape(JsonParser parser) throws IOException {
      String input = name == null ? "?" : name;
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        throw new DomainException.Invalid("input '" + input + "' needs a 'shape' array");
      }
      long[] dims = new long[4];
      int n = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw new DomainException.Invalid("input '" + input + "' shape must hold integers");
        }
        if (n == dims.length) dims = Arrays.copyOf(dims, n * 2);
        dims[n++] = parser.getLongValue();
      }
      return Arrays.copyOf(dims, n);
    }
  }
}
