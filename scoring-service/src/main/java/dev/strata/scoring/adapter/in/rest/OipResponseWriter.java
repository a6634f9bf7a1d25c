package dev.strata.scoring.adapter.in.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.strata.scoring.domain.inference.Tensor;
import dev.strata.scoring.domain.inference.TensorData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes an Open Inference Protocol v2 response straight from the output arrays to JSON bytes. */
final class OipResponseWriter {

  private final JsonFactory factory;

  OipResponseWriter(JsonFactory factory) {
    this.factory = factory;
  }

  byte[] write(String model, String version, String id, List<Tensor> outputs) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 16 * elements(outputs));
    try (JsonGenerator out = factory.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeStringField("model_name", model);
      out.writeStringField("model_version", version);
      if (id != null) {
        out.writeStringField("id", id);
      }
      out.writeArrayFieldStart("outputs");
      for (Tensor output : outputs) {
        tensor(out, output);
      }
      out.writeEndArray();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // into memory: cannot happen
    }
    return bytes.toByteArray();
  }

  private static void tensor(JsonGenerator out, Tensor output) throws IOException {
    out.writeStartObject();
    out.writeStringField("name", output.name());
    out.writeStringField("datatype", output.datatype().name());
    out.writeArrayFieldStart("shape");
    for (long dim : output.shape()) out.writeNumber(dim);
    out.writeEndArray();
    out.writeArrayFieldStart("data");
    switch (output.data()) {
      case TensorData.Floats f -> { for (float v : f.values()) out.writeNumber(v); }
      case TensorData.Doubles d -> { for (double v : d.values()) out.writeNumber(v); }
      case TensorData.Longs l -> { for (long v : l.values()) out.writeNumber(v); }
      case TensorData.Strings s -> { for (String v : s.values()) out.writeString(v); }
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  private static int elements(List<Tensor> outputs) {
    int n = 0;
    for (Tensor output : outputs) n += output.data().size();
    return n;
  }
}
