package dev.strata.scoring.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.strata.kernel.security.Roles;
import dev.strata.scoring.OnnxGraphs;
import dev.strata.scoring.TelcoCustomerFeatures;
import dev.strata.scoring.TemporaryModelFolder;
import dev.strata.scoring.domain.model.FeatureSpec;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.model.ModelTask;
import dev.strata.scoring.domain.training.HoldoutSplit;
import dev.strata.scoring.domain.training.LabeledRow;
import dev.strata.scoring.domain.training.ModelTrainer;
import dev.strata.scoring.domain.training.Recipe;
import dev.strata.scoring.domain.training.TrainedModel;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conformance of every Open Inference Protocol v2 endpoint, on models trained here from Telco data. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(TemporaryModelFolder.class)
@ActingAs(Roles.ADMIN)
class OpenInferenceProtocolIT {

  private static final String MODEL = "oip_churn";
  private static ModelCard card;
  private static TrainedModel trained;
  private static List<LabeledRow> holdout;

  @Inject ModelRegistry registry;
  @Inject ModelTrainer trainer;
  @Inject TelcoCustomerFeatures telco;
  @ConfigProperty(name = "scoring.registry.folder") Path folder;

  @BeforeEach
  void trainOnce() {
    if (card != null) {
      return;
    }
    List<LabeledRow> rows = telco.rows().stream().map(Recipe.CHURN::example).toList();
    HoldoutSplit split = HoldoutSplit.of(rows, 0.2);
    trained = trainer.train(ModelTask.CLASSIFICATION, TelcoCustomerFeatures.FEATURES, split.training(), 7).toCompletableFuture().join();
    holdout = split.holdout();
    card = registry.register(new ModelCard(MODEL, "1", ModelTask.CLASSIFICATION, Instant.now(), Map.of(),
        trained.featureOrder().stream().map(FeatureSpec::number).toList(), trained.inputName(), trained.outputName(),
        trained.positiveIndex(), null, "test"), trained.onnx()).toCompletableFuture().join();
    registry.setAlias(MODEL, ModelRegistry.CHAMPION, card.version()).toCompletableFuture().join();
    ModelCard echo = registry.register(new ModelCard("echo", "1", ModelTask.REGRESSION, Instant.now(), Map.of(),
        List.of(), "doubles", "doubles_out", null, null, "test"), OnnxGraphs.echo()).toCompletableFuture().join();
    registry.setAlias("echo", ModelRegistry.CHAMPION, echo.version()).toCompletableFuture().join();
  }

  @Test
  void theServerDescribesItself() {
    given().get("/v2").then().statusCode(200)
        .body("name", equalTo("strata-scoring")).body("version", not(emptyOrNullString())).body("extensions", hasSize(0));
  }

  @Test
  void theServerIsLiveAndReadyOnceEveryChampionLoads() {
    given().get("/v2/health/live").then().statusCode(200).body("live", equalTo(true));
    given().get("/v2/health/ready").then().statusCode(200).body("ready", equalTo(true));
  }

  @Test
  void modelMetadataNamesVersionsPlatformInputsAndOutputs() {
    for (String path : List.of("/v2/models/" + MODEL, "/v2/models/" + MODEL + "/versions/" + card.version())) {
      given().get(path).then().statusCode(200)
          .body("name", equalTo(MODEL))
          .body("versions", hasItem(card.version()))
          .body("platform", equalTo("onnxruntime_onnx"))
          .body("inputs[0].name", equalTo(card.inputName()))
          .body("inputs[0].datatype", equalTo("FP32"))
          .body("inputs[0].shape", contains(-1, TelcoCustomerFeatures.FEATURES.size()))
          .body("outputs.name", hasItem(card.outputName()));
    }
  }

  @Test
  void aRegisteredModelAndVersionAreReady() {
    given().get("/v2/models/" + MODEL + "/ready").then().statusCode(200).body("ready", equalTo(true));
    given().get("/v2/models/" + MODEL + "/versions/" + card.version() + "/ready").then().statusCode(200).body("ready", equalTo(true));
  }

  @Test
  void inferenceOverHttpEqualsTribuosOwnPredictionsWithinOneTenThousandth() {
    double[] tribuo = trained.predictor().predict(holdout.stream().map(LabeledRow::values).toList());
    List<Float> probabilities = infer("/v2/models/" + MODEL + "/infer", flat(holdout), null)
        .statusCode(200)
        .body("model_name", equalTo(MODEL)).body("model_version", equalTo(card.version()))
        .body("outputs[0].name", equalTo(card.outputName()))
        .body("outputs[0].datatype", equalTo("FP32"))
        .body("outputs[0].shape", contains(holdout.size(), 2))
        .extract().jsonPath().getList("outputs[0].data", Float.class);
    for (int i = 0; i < holdout.size(); i++) {
      assertThat((double) probabilities.get(2 * i + card.positiveIndex())).as("row %d", i).isCloseTo(tribuo[i], within(1e-4));
    }
  }

  @Test
  void nestedRowMajorDataGivesTheSameAnswerAsFlatDataAndTheIdIsEchoed() {
    List<LabeledRow> rows = holdout.subList(0, 3);
    List<Float> flatAnswer = infer("/v2/models/" + MODEL + "/versions/" + card.version() + "/infer", flat(rows), null)
        .statusCode(200).extract().jsonPath().getList("outputs[0].data", Float.class);
    List<List<Float>> nested = new ArrayList<>();
    for (LabeledRow row : rows) {
      nested.add(ordered(row));
    }
    given().contentType(ContentType.JSON).body(Map.of("id", "req-42", "inputs", List.of(
            Map.of("name", card.inputName(), "datatype", "FP32", "shape", List.of(3, TelcoCustomerFeatures.FEATURES.size()), "data", nested))))
        .post("/v2/models/" + MODEL + "/infer").then().statusCode(200)
        .body("id", equalTo("req-42"))
        .body("outputs[0].data", equalTo(flatAnswer));
  }

  @Test
  void onlyTheRequestedOutputsAreReturned() {
    infer("/v2/models/" + MODEL + "/infer", flat(holdout.subList(0, 1)), List.of(Map.of("name", card.outputName())))
        .statusCode(200).body("outputs", hasSize(1)).body("outputs[0].name", equalTo(card.outputName()));
  }

  @Test
  void fp64Int64AndBytesTensorsTravelThroughAModelUnchanged() {
    // read JSON numbers as doubles, or the client itself would round 1e-300 to a float 0
    var doubles = io.restassured.RestAssured.config().jsonConfig(io.restassured.config.JsonConfig.jsonConfig()
        .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    given().config(doubles).contentType(ContentType.JSON).body(Map.of("inputs", List.of(
            Map.of("name", "doubles", "datatype", "FP64", "shape", List.of(2, 2), "data", List.of(List.of(0.5, 1.25), List.of(-2.0, 1e-300))),
            Map.of("name", "longs", "datatype", "INT64", "shape", List.of(2, 2), "data", List.of(1, -2, 9007199254740993L, 4)),
            Map.of("name", "texts", "datatype", "BYTES", "shape", List.of(2), "data", List.of("churn", "stay")))))
        .post("/v2/models/echo/infer").then().statusCode(200)
        .body("outputs.find { it.name == 'doubles_out' }.datatype", equalTo("FP64"))
        .body("outputs.find { it.name == 'doubles_out' }.data", contains(0.5, 1.25, -2.0, 1e-300))
        .body("outputs.find { it.name == 'longs_out' }.datatype", equalTo("INT64"))
        .body("outputs.find { it.name == 'longs_out' }.data", contains(1, -2, 9007199254740993L, 4))
        .body("outputs.find { it.name == 'texts_out' }.datatype", equalTo("BYTES"))
        .body("outputs.find { it.name == 'texts_out' }.shape", contains(2))
        .body("outputs.find { it.name == 'texts_out' }.data", contains("churn", "stay"));
  }

  @Test
  void aTensorOfTheWrongShapeIsABadRequest() {
    badRequest(Map.of("inputs", List.of(tensor(card.inputName(), "FP32", List.of(1, 3), List.of(1, 2, 3)))), "shape");
  }

  @Test
  void aTensorOfTheWrongDatatypeIsABadRequest() {
    badRequest(Map.of("inputs", List.of(tensor(card.inputName(), "FP64", List.of(1, width()), zeros(width())))), "FP32");
  }

  @Test
  void aMissingInputIsABadRequest() {
    badRequest(Map.of("inputs", List.of()), "inputs");
    badRequest(Map.of("inputs", List.of(tensor("features_by_another_name", "FP32", List.of(1, width()), zeros(width())))), "features_by_another_name");
  }

  @Test
  void dataThatDoesNotFillTheShapeIsABadRequest() {
    badRequest(Map.of("inputs", List.of(tensor(card.inputName(), "FP32", List.of(2, width()), zeros(width())))), "elements");
  }

  @Test
  void textInANumericTensorAndAFractionInAnInt64TensorAreBadRequests() {
    badRequest(Map.of("inputs", List.of(tensor(card.inputName(), "FP32", List.of(1, 1), List.of("x")))), "FP32");
    badRequest(Map.of("inputs", List.of(tensor("longs", "INT64", List.of(1, 1), List.of(1.5)))), "INT64");
  }

  @Test
  void anUnsupportedDatatypeAnUnknownOutputAndMalformedJsonAreBadRequests() {
    badRequest(Map.of("inputs", List.of(tensor(card.inputName(), "FP16", List.of(1, width()), zeros(width())))), "FP16");
    badRequest(Map.of("inputs", List.of(tensor(card.inputName(), "FP32", List.of(1, width()), zeros(width()))),
        "outputs", List.of(Map.of("name", "nope"))), "nope");
    given().contentType(ContentType.JSON).body("{\"inputs\": [").post("/v2/models/" + MODEL + "/infer")
        .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString("JSON"));
  }

  @Test
  void anUnknownModelOrVersionIsNotFoundOnEveryEndpoint() {
    for (String path : List.of("/v2/models/no_such_model", "/v2/models/no_such_model/ready",
        "/v2/models/" + MODEL + "/versions/999", "/v2/models/" + MODEL + "/versions/999/ready")) {
      given().get(path).then().statusCode(404).contentType(ContentType.JSON).body("error", not(emptyOrNullString()));
    }
    given().contentType(ContentType.JSON).body(Map.of("inputs", List.of(tensor(card.inputName(), "FP32", List.of(1, width()), zeros(width())))))
        .post("/v2/models/no_such_model/infer").then().statusCode(404).body("error", containsString("POST /models/no_such_model/train"));
    given().contentType(ContentType.JSON).body(Map.of("inputs", List.of(tensor(card.inputName(), "FP32", List.of(1, width()), zeros(width())))))
        .post("/v2/models/" + MODEL + "/versions/999/infer").then().statusCode(404).body("error", containsString("999"));
  }

  @Test
  void aChampionWhoseFileNoLongerMatchesItsSha256IsRefusedAndTheServerIsNotReady() throws Exception {
    ModelCard tampered = registry.register(new ModelCard("tampered", "1", ModelTask.CLASSIFICATION, Instant.now(), Map.of(),
        card.features(), card.inputName(), card.outputName(), card.positiveIndex(), null, "test"), trained.onnx())
        .toCompletableFuture().join();
    Path onnx = folder.resolve("tampered").resolve(tampered.version()).resolve("model.onnx");
    byte[] original = Files.readAllBytes(onnx);
    byte[] changed = original.clone();
    changed[changed.length - 1] ^= 1;
    Files.write(onnx, changed);
    registry.setAlias("tampered", ModelRegistry.CHAMPION, tampered.version()).toCompletableFuture().join();
    try {
      given().get("/v2/health/ready").then().statusCode(503).body("ready", equalTo(false)).body("error", containsString("tampered"));
      given().get("/v2/models/tampered/ready").then().statusCode(503).body("ready", equalTo(false));
      infer("/v2/models/tampered/infer", flat(holdout.subList(0, 1)), null).statusCode(503).body("error", containsString("sha256"));
    } finally {
      Files.write(onnx, original);
    }
    given().get("/v2/health/ready").then().statusCode(200);
  }

  private int width() {
    return card.features().size();
  }

  private static List<Integer> zeros(int n) {
    return java.util.Collections.nCopies(n, 0);
  }

  private static Map<String, Object> tensor(String name, String datatype, List<Integer> shape, List<?> data) {
    return Map.of("name", name, "datatype", datatype, "shape", shape, "data", data);
  }

  private void badRequest(Map<String, Object> body, String mentioned) {
    given().contentType(ContentType.JSON).body(body).post("/v2/models/" + MODEL + "/infer")
        .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString(mentioned));
  }

  private ValidatableResponse infer(String path, List<Float> data, List<Map<String, String>> outputs) {
    int rows = data.size() / width();
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("inputs", List.of(Map.of("name", card.inputName(), "datatype", "FP32", "shape", List.of(rows, width()), "data", data)));
    if (outputs != null) {
      body.put("outputs", outputs);
    }
    return given().contentType(ContentType.JSON).body(body).post(path).then();
  }

  private List<Float> flat(List<LabeledRow> rows) {
    List<Float> data = new ArrayList<>();
    rows.forEach(row -> data.addAll(ordered(row)));
    return data;
  }

  /** A row's raw values in the model's input column order. */
  private List<Float> ordered(LabeledRow row) {
    List<Float> values = new ArrayList<>();
    for (FeatureSpec feature : card.features()) {
      values.add((float) row.values()[TelcoCustomerFeatures.FEATURES.indexOf(feature.name())]);
    }
    return values;
  }
}
