package dev.strata.scoring.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.inference.DataType;
import dev.strata.scoring.domain.inference.Tensor;
import dev.strata.scoring.domain.inference.TensorData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes Open Inference Protocol v2 JSON. {@code data} may be flat or nested; nesting
 * is read row-major. Anything malformed becomes a client error naming the field at fault.
 */
final class OipCodec {

  private final ObjectMapper json;

  OipCodec(ObjectMapper json) {
    this.json = json;
  }

  record InferRequest(String id, List<Tensor> inputs, List<String> outputs) {}

  InferRequest read(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      throw new DomainException.Invalid("request body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new DomainException.Invalid("request body must be a JSON object");
    }
    JsonNode inputs = root.get("inputs");
    if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
      throw new DomainException.Invalid("'inputs' must be a non-empty array");
    }
    List<Tensor> tensors = new ArrayList<>();
    for (JsonNode input : inputs) {
      tensors.add(tensor(input));
    }
    JsonNode id = root.get("id");
    if (id != null && !id.isTextual()) {
      throw new DomainException.Invalid("'id' must be a string");
    }
    return new InferRequest(id == null ? null : id.asText(), tensors, outputs(root.get("outputs")));
  }

  private static List<String> outputs(JsonNode outputs) {
    if (outputs == null) {
      return List.of();
    }
    if (!outputs.isArray()) {
      throw new DomainException.Invalid("'outputs' must be an array");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode output : outputs) {
      names.add(text(output, "name", "outputs[].name"));
    }
    return names;
  }

  private static Tensor tensor(JsonNode input) {
    if (!input.isObject()) {
      throw new DomainException.Invalid("each input must be an object");
    }
    String name = text(input, "name", "inputs[].name");
    DataType type = DataType.parse(text(input, "datatype", "input '" + name + "' datatype"));
    JsonNode shapeNode = input.get("shape");
    if (shapeNode == null || !shapeNode.isArray()) {
      throw new DomainException.Invalid("input '" + name + "' needs a 'shape' array");
    }
    long[] shape = new long[shapeNode.size()];
    for (int i = 0; i < shape.length; i++) {
      if (!shapeNode.get(i).canConvertToLong() || !shapeNode.get(i).isIntegralNumber()) {
        throw new DomainException.Invalid("input '" + name + "' shape must hold integers");
      }
      shape[i] = shapeNode.get(i).asLong();
    }
    JsonNode data = input.get("data");
    if (data == null || !data.isArray()) {
      throw new DomainException.Invalid("input '" + name + "' needs a 'data' array");
    }
    List<JsonNode> flat = new ArrayList<>();
    flatten(data, flat);
    return new Tensor(name, shape, elements(name, type, flat));
  }

  private static TensorData elements(String name, DataType type, List<JsonNode> flat) {
    int n = flat.size();
    switch (type) {
      case FP32 -> {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) values[i] = (float) number(name, type, flat.get(i)).asDouble();
        return new TensorData.Floats(values);
      }
      case FP64 -> {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = number(name, type, flat.get(i)).asDouble();
        return new TensorData.Doubles(values);
      }
      case INT64 -> {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
          JsonNode v = number(name, type, flat.get(i));
          if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new DomainException.Invalid("input '" + name + "' is INT64 but holds " + v);
          }
          values[i] = v.asLong();
        }
        return new TensorData.Longs(values);
      }
      default -> {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
          if (!flat.get(i).isTextual()) {
            throw new DomainException.Invalid("input '" + name + "' is BYTES but holds " + flat.get(i));
          }
          values[i] = flat.get(i).asText();
        }
        return new TensorData.Strings(values);
      }
    }
  }

  private static JsonNode number(String name, DataType type, JsonNode value) {
    if (!value.isNumber()) {
      throw new DomainException.Invalid("input '" + name + "' is " + type + " but holds " + value);
    }
    return value;
  }

  private static void flatten(JsonNode node, List<JsonNode> into) {
    if (node.isArray()) {
      node.forEach(element -> flatten(element, into));
    } else {
      into.add(node);
    }
  }

  private static String text(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new DomainException.Invalid(what + " must be a non-empty string");
    }
    return value.asText();
  }

  ObjectNode write(String model, String version, String id, List<Tensor> outputs) {
    ObjectNode root = json.createObjectNode().put("model_name", model).put("model_version", version);
    if (id != null) {
      root.put("id", id);
    }
    ArrayNode tensors = root.putArray("outputs");
    for (Tensor output : outputs) {
      ObjectNode tensor = tensors.addObject().put("name", output.name()).put("datatype", output.datatype().name());
      ArrayNode shape = tensor.putArray("shape");
      for (long dim : output.shape()) shape.add(dim);
      ArrayNode data = tensor.putArray("data");
      switch (output.data()) {
        case TensorData.Floats f -> { for (float v : f.values()) data.add(v); }
        case TensorData.Doubles d -> { for (double v : d.values()) data.add(v); }
        case TensorData.Longs l -> { for (long v : l.values()) data.add(v); }
        case TensorData.Strings s -> { for (String v : s.values()) data.add(v); }
      }
    }
    return root;
  }
}
