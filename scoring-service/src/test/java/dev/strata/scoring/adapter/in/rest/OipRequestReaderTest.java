package dev.strata.scoring.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.inference.Tensor;
import dev.strata.scoring.domain.inference.TensorData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OipRequestReaderTest {

  private final OipRequestReader reader = new OipRequestReader(new JsonFactory());

  private OipRequestReader.InferRequest read(String json) {
    return reader.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void nestedDataIsReadRowMajorStraightIntoFloats() {
    Tensor t = read("""
        {"id":"r1","inputs":[{"name":"x","datatype":"FP32","shape":[2,3],"data":[[1,2.5,3],[4,5,-6e-1]]}],
         "outputs":[{"name":"y","parameters":{"binary_data":false}}],"parameters":{"a":[1,{"b":2}]}}""").inputs().getFirst();
    assertThat(((TensorData.Floats) t.data()).values()).containsExactly(1f, 2.5f, 3f, 4f, 5f, -0.6f);
    assertThat(t.shape()).containsExactly(2, 3);
  }

  @Test
  void dataSentBeforeItsDatatypeIsStillReadInThatDatatype() {
    OipRequestReader.InferRequest request = read("""
        {"inputs":[{"data":[1,2],"shape":[2],"datatype":"INT64","name":"ids"},
                   {"data":[[0.5],[0.25]],"name":"d","shape":[2,1],"datatype":"FP64"},
                   {"shape":[1],"data":["a"],"name":"s","datatype":"BYTES"}],
         "outputs":[{"name":"y"}],"id":"r2"}""");
    assertThat(request.id()).isEqualTo("r2");
    assertThat(request.outputs()).containsExactly("y");
    List<Tensor> inputs = request.inputs();
    assertThat(((TensorData.Longs) inputs.get(0).data()).values()).containsExactly(1L, 2L);
    assertThat(((TensorData.Doubles) inputs.get(1).data()).values()).containsExactly(0.5, 0.25);
    assertThat(((TensorData.Strings) inputs.get(2).data()).values()).containsExactly("a");
  }

  @Test
  void aValueOfTheWrongKindNamesTheInputAndTheDatatype() {
    assertInvalid("{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[\"a\"]}]}", "input 'x' is FP32 but holds \"a\"");
    assertInvalid("{\"inputs\":[{\"name\":\"x\",\"datatype\":\"INT64\",\"shape\":[1],\"data\":[1.5]}]}", "INT64 but holds 1.5");
    assertInvalid("{\"inputs\":[{\"name\":\"x\",\"datatype\":\"INT64\",\"shape\":[1],\"data\":[99999999999999999999]}]}", "INT64");
    assertInvalid("{\"inputs\":[{\"name\":\"x\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[1]}]}", "BYTES but holds 1");
    assertInvalid("{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[{\"v\":1}]}]}", "holds an object");
  }

  @Test
  void missingOrMalformedPartsAreClientErrors() {
    assertInvalid("[1]", "JSON object");
    assertInvalid("{\"inputs\": [", "not valid JSON");
    assertInvalid("{\"inputs\":[]}", "'inputs'");
    assertInvalid("{\"inputs\":[{\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}]}", "inputs[].name");
    assertInvalid("{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP16\",\"shape\":[1],\"data\":[1]}]}", "FP16");
    assertInvalid("{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"data\":[1]}]}", "'shape'");
    assertInvalid("{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1.5],\"data\":[1]}]}", "integers");
    assertInvalid("{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1]}]}", "'data'");
    assertInvalid("{\"id\":3,\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}]}", "'id'");
    assertInvalid("{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}]} x", "JSON");
  }

  @Test
  void aShapeFarLargerThanTheDataIsRefusedWithoutAllocatingIt() {
    assertInvalid("{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1000000000,1000000000],\"data\":[1]}]}", "elements");
  }

  @Test
  void theResponseIsTheProtocolsJson() throws Exception {
    byte[] written = new OipResponseWriter(new JsonFactory()).write("m", "2", "r1",
        List.of(new Tensor("p", new long[] {2, 1}, new TensorData.Floats(new float[] {0.25f, 1f}))));
    var root = new ObjectMapper().readTree(written);
    assertThat(root.get("model_name").asText()).isEqualTo("m");
    assertThat(root.get("model_version").asText()).isEqualTo("2");
    assertThat(root.get("id").asText()).isEqualTo("r1");
    var output = root.get("outputs").get(0);
    assertThat(output.get("datatype").asText()).isEqualTo("FP32");
    assertThat(output.get("shape").toString()).isEqualTo("[2,1]");
    assertThat(output.get("data").toString()).isEqualTo("[0.25,1.0]");
  }

  private void assertInvalid(String json, String mentioned) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(DomainException.Invalid.class).hasMessageContaining(mentioned);
  }
}
