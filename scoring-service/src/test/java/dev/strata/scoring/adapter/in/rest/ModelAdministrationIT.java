package dev.strata.scoring.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.strata.kernel.security.Roles;
import dev.strata.scoring.TelcoCustomerFeatures;
import dev.strata.scoring.TemporaryModelFolder;
import dev.strata.scoring.domain.model.Sha256;
import dev.strata.scoring.domain.training.HoldoutSplit;
import dev.strata.scoring.domain.training.ModelTrainer;
import dev.strata.scoring.domain.training.Recipe;
import dev.strata.scoring.domain.training.TrainedModel;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploading a version built elsewhere, listing versions and moving aliases. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(TemporaryModelFolder.class)
@ActingAs(Roles.ADMIN)
class ModelAdministrationIT {

  private static TrainedModel trained;

  @Inject ModelTrainer trainer;
  @Inject TelcoCustomerFeatures telco;

  @BeforeEach
  void trainOnce() {
    if (trained == null) {
      var rows = telco.rows().stream().map(Recipe.CHURN::example).toList();
      trained = trainer.train(Recipe.CHURN.task(), TelcoCustomerFeatures.FEATURES, HoldoutSplit.of(rows, 0.2).training(), 3).toCompletableFuture().join();
    }
  }

  @Test
  void anUploadedVersionIsListedServedAndItsAliasesCanMove() {
    String first = upload("uploaded_churn", metadata(Sha256.hex(trained.onnx()), "champion"))
        .then().statusCode(201)
        .header("Location", containsString("/v2/models/uploaded_churn/versions/"))
        .body("sha256", equalTo(Sha256.hex(trained.onnx()))).body("trainingFingerprint", equalTo("external"))
        .extract().path("version");
    String second = upload("uploaded_churn", metadata(null, null)).then().statusCode(201).extract().path("version");

    given().get("/models/uploaded_churn/versions").then().statusCode(200)
        .body("versions", hasSize(2)).body("aliases.champion", equalTo(first));
    given().contentType(ContentType.JSON).body(Map.of("version", second))
        .put("/models/uploaded_churn/aliases/challenger").then().statusCode(200)
        .body("aliases.challenger", equalTo(second)).body("aliases.champion", equalTo(first));
    given().contentType(ContentType.JSON).body(Map.of("inputs", List.of(Map.of("name", trained.inputName(), "datatype", "FP32",
            "shape", List.of(1, trained.featureOrder().size()), "data", Collections.nCopies(trained.featureOrder().size(), 1)))))
        .post("/v2/models/uploaded_churn/infer").then().statusCode(200).body("model_version", equalTo(first));
  }

  @Test
  void anUploadWhoseSha256DoesNotMatchItsFileIsRefused() {
    upload("uploaded_refused", metadata("0".repeat(64), null)).then().statusCode(422)
        .contentType("application/problem+json").body("detail", containsString("sha256"));
    given().get("/models/uploaded_refused/versions").then().statusCode(404);
  }

  @Test
  void anUploadThatIsNotOnnxOrNamesTheWrongNumberOfFeaturesIsInvalid() {
    multipart("uploaded_bad", "not a model".getBytes(), metadata(null, null)).post("/models/uploaded_bad/versions")
        .then().statusCode(422).contentType("application/problem+json").body("detail", startsWith("not a loadable ONNX model"));
    multipart("uploaded_bad", trained.onnx(), Map.of("task", "CLASSIFICATION", "features", List.of("tenure")))
        .post("/models/uploaded_bad/versions").then().statusCode(422).body("detail", containsString("features"));
  }

  @Test
  void anUploadWithoutTheModelPartIsABadRequest() {
    given().multiPart("metadata", metadata(null, null), "application/json").post("/models/uploaded_bad/versions")
        .then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void anAliasCannotNameAVersionThatDoesNotExist() {
    upload("uploaded_alias", metadata(null, null)).then().statusCode(201);
    given().contentType(ContentType.JSON).body(Map.of("version", "99"))
        .put("/models/uploaded_alias/aliases/champion").then().statusCode(404).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body(Map.of("version", "one"))
        .put("/models/uploaded_alias/aliases/champion").then().statusCode(422);
  }

  private io.restassured.response.Response upload(String model, Map<String, Object> metadata) {
    return multipart(model, trained.onnx(), metadata).post("/models/" + model + "/versions");
  }

  private static RequestSpecification multipart(String model, byte[] onnx, Map<String, Object> metadata) {
    return given().multiPart("model", "model.onnx", onnx, "application/octet-stream")
        .multiPart("metadata", metadata, "application/json");
  }

  private Map<String, Object> metadata(String sha256, String alias) {
    Map<String, Object> metadata = new java.util.HashMap<>();
    metadata.put("task", "CLASSIFICATION");
    metadata.put("features", trained.featureOrder());
    metadata.put("positiveIndex", trained.positiveIndex());
    if (sha256 != null) metadata.put("sha256", sha256);
    if (alias != null) metadata.put("alias", alias);
    return metadata;
  }
}
