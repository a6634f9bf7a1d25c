package dev.strata.scoring;

import ai.onnx.proto.OnnxMl;

/** Small hand-built ONNX graphs for tests that need datatypes Tribuo never exports. */
public final class OnnxGraphs {

  private OnnxGraphs() {}

  /** Identity over an FP64 [batch, 2], an INT64 [batch, 2] and a BYTES [batch] tensor. */
  public static byte[] echo() {
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("echo");
    echo(graph, "doubles", OnnxMl.TensorProto.DataType.DOUBLE, 2);
    echo(graph, "longs", OnnxMl.TensorProto.DataType.INT64, 2);
    echo(graph, "texts", OnnxMl.TensorProto.DataType.STRING, 0);
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("strata-test")
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(13))
        .setGraph(graph).build().toByteArray();
  }

  private static void echo(OnnxMl.GraphProto.Builder graph, String name, OnnxMl.TensorProto.DataType type, int width) {
    graph.addInput(value(name, type, width)).addOutput(value(name + "_out", type, width))
        .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").addInput(name).addOutput(name + "_out"));
  }

  private static OnnxMl.ValueInfoProto value(String name, OnnxMl.TensorProto.DataType type, int width) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder()
        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
    if (width > 0) {
      shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(width));
    }
    return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
  }
}
