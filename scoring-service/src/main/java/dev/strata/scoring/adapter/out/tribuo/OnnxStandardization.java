package dev.strata.scoring.adapter.out.tribuo;

import ai.onnx.proto.OnnxMl;

/**
 * Puts {@code (x - mean) / scale} in front of an exported Tribuo graph, so the ONNX model takes
 * the same raw features as the warehouse serves and the scaling can never drift from the weights.
 */
final class OnnxStandardization {

  private OnnxStandardization() {}

  static OnnxMl.ModelProto prepend(OnnxMl.ModelProto model, Standardization scaling) {
    OnnxMl.GraphProto graph = model.getGraph();
    String input = graph.getInput(0).getName();
    String centred = input + "_centred";
    String standardized = input + "_standardized";
    OnnxMl.GraphProto.Builder rewritten = graph.toBuilder().clearNode()
        .addInitializer(floats("feature_mean", scaling.mean()))
        .addInitializer(floats("feature_scale", scaling.scale()))
        .addNode(node("standardize_centre", "Sub", input, "feature_mean", centred))
        .addNode(node("standardize_scale", "Div", centred, "feature_scale", standardized));
    for (OnnxMl.NodeProto node : graph.getNodeList()) {
      OnnxMl.NodeProto.Builder copy = node.toBuilder().clearInput();
      for (String name : node.getInputList()) {
        copy.addInput(name.equals(input) ? standardized : name);
      }
      rewritten.addNode(copy);
    }
    return model.toBuilder().setGraph(rewritten).build();
  }

  private static OnnxMl.NodeProto node(String name, String op, String left, String right, String output) {
    return OnnxMl.NodeProto.newBuilder().setName(name).setOpType(op).addInput(left).addInput(right).addOutput(output).build();
  }

  private static OnnxMl.TensorProto floats(String name, double[] values) {
    OnnxMl.TensorProto.Builder tensor = OnnxMl.TensorProto.newBuilder()
        .setName(name).setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).addDims(values.length);
    for (double value : values) {
      tensor.addFloatData((float) value);
    }
    return tensor.build();
  }
}
