package dev.strata.scoring.adapter.out.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.inference.DataType;
import dev.strata.scoring.domain.inference.ModelSignature;
import dev.strata.scoring.domain.inference.Tensor;
import dev.strata.scoring.domain.inference.TensorData;
import dev.strata.scoring.domain.inference.TensorSpec;
import java.lang.reflect.Array;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Translates between the domain's tensors and ONNX Runtime's; nothing of ORT leaves here. */
final class OnnxTensors {

  private OnnxTensors() {}

  static ModelSignature signature(OrtSession session) throws OrtException {
    return new ModelSignature(specs(session.getInputInfo()), specs(session.getOutputInfo()));
  }

  private static List<TensorSpec> specs(Map<String, NodeInfo> nodes) {
    List<TensorSpec> specs = new ArrayList<>();
    nodes.forEach((name, node) -> {
      if (!(node.getInfo() instanceof TensorInfo info)) {
        throw new DomainException.Invalid("'" + name + "' is not a tensor; only tensor inputs and outputs are served");
      }
      specs.add(new TensorSpec(name, datatype(name, info.type), info.getShape()));
    });
    return specs;
  }

  private static DataType datatype(String name, OnnxJavaType type) {
    return switch (type) {
      case FLOAT -> DataType.FP32;
      case DOUBLE -> DataType.FP64;
      case INT64 -> DataType.INT64;
      case STRING -> DataType.BYTES;
      default -> throw new DomainException.Invalid("'" + name + "' has element type " + type + "; served types are FP32, FP64, INT64, BYTES");
    };
  }

  static OnnxTensor toOnnx(OrtEnvironment env, Tensor tensor) throws OrtException {
    long[] shape = tensor.shape();
    return switch (tensor.data()) {
      case TensorData.Floats f -> OnnxTensor.createTensor(env, FloatBuffer.wrap(f.values()), shape);
      case TensorData.Doubles d -> OnnxTensor.createTensor(env, DoubleBuffer.wrap(d.values()), shape);
      case TensorData.Longs l -> OnnxTensor.createTensor(env, LongBuffer.wrap(l.values()), shape);
      case TensorData.Strings s -> OnnxTensor.createTensor(env, s.values(), shape);
    };
  }

  static Tensor fromOnnx(String name, OnnxTensor tensor) throws OrtException {
    TensorInfo info = tensor.getInfo();
    TensorData data = switch (info.type) {
      case FLOAT -> new TensorData.Floats(copy(tensor.getFloatBuffer()));
      case DOUBLE -> new TensorData.Doubles(copy(tensor.getDoubleBuffer()));
      case INT64 -> new TensorData.Longs(copy(tensor.getLongBuffer()));
      case STRING -> new TensorData.Strings(strings(tensor.getValue()));
      default -> throw new IllegalStateException("output '" + name + "' has unsupported type " + info.type);
    };
    return new Tensor(name, info.getShape(), data);
  }

  private static float[] copy(FloatBuffer buffer) {
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return values;
  }

  private static double[] copy(DoubleBuffer buffer) {
    double[] values = new double[buffer.remaining()];
    buffer.get(values);
    return values;
  }

  private static long[] copy(LongBuffer buffer) {
    long[] values = new long[buffer.remaining()];
    buffer.get(values);
    return values;
  }

  private static String[] strings(Object nested) {
    List<String> flat = new ArrayList<>();
    flatten(nested, flat);
    return flat.toArray(String[]::new);
  }

  private static void flatten(Object value, List<String> into) {
    if (value != null && value.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        flatten(Array.get(value, i), into);
      }
    } else {
      into.add(String.valueOf(value));
    }
  }
}
