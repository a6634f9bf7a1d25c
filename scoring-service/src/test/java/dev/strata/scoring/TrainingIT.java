package dev.strata.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.kernel.security.Roles;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.model.Sha256;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Training from the (Telco-backed) feature port → ONNX → registry → gate → champion, over REST. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(TemporaryModelFolder.class)
@ActingAs(Roles.ADMIN)
class TrainingIT {

  @Inject ObjectMapper json;
  @Inject ModelRegistry registry;
  @ConfigProperty(name = "scoring.registry.folder") Path folder;

  @Test
  void aTrainedChurnModelIsRegisteredWithItsEvaluationAndWhoStartedIt() throws Exception {
    String id = Champions.train("churn_model");

    String version = given().get("/trainings/" + id).then().statusCode(200)
        .body("state", equalTo("SUCCEEDED")).body("stage", equalTo("done"))
        .body("rows", equalTo(1500)).body("promoted", notNullValue()).body("decision", notNullValue())
        .body("startedBy", notNullValue())
        .body("metrics.auc", greaterThanOrEqualTo(0.80f))
        .body("metrics.log_loss", lessThan(0.6f))
        .body("metrics.calibration_error", lessThan(0.15f))
        .extract().path("version");
    given().get("/models/churn_model/versions").then().statusCode(200)
        .body("aliases.champion", notNullValue()).body("versions.version", hasItem(version));
    given().get("/v2/models/churn_model").then().statusCode(200).body("versions", hasItem(version));

    Path dir = folder.resolve("churn_model").resolve(version);
    JsonNode card = json.readTree(dir.resolve("model.json").toFile());
    assertThat(card.get("sha256").asText()).isEqualTo(Sha256.hex(Files.readAllBytes(dir.resolve("model.onnx"))));
    assertThat(card.get("trained_at").asText()).isNotBlank();
    assertThat(card.get("training_fingerprint").asText()).hasSize(64);
    assertThat(card.get("features")).hasSize(TelcoCustomerFeatures.FEATURES.size());
    assertThat(card.get("input_name").asText()).isNotBlank();
    assertThat(card.get("metrics").get("auc").asDouble()).isGreaterThanOrEqualTo(0.80);

    JsonNode job = json.readTree(folder.resolve(".jobs").resolve("training").resolve(id + ".json").toFile());
    assertThat(job.get("state").asText()).as("the job is kept on disk, not only in memory").isEqualTo("SUCCEEDED");
    assertThat(job.get("version").asText()).isEqualTo(version);
  }

  @Test
  void theRiskModelLearnsRevenueAtRiskAndIsJudgedByHowItRanksChurners() {
    String id = Champions.train("risk_model");

    given().get("/trainings/" + id).then().statusCode(200)
        .body("state", equalTo("SUCCEEDED"))
        .body("metrics.auc", greaterThan(0.5f))
        .body("metrics.r2", greaterThan(0f))
        .body("metrics.rmse", notNullValue())
        .body("promoted", notNullValue());
  }

  @Test
  void retrainingOnTheSameDataGivesTheSameFingerprintAndANewVersionServedWithoutRestart() {
    String first = given().get("/trainings/" + Champions.train("churn_model")).then().extract().path("version");
    String second = given().get("/trainings/" + Champions.train("churn_model")).then().extract().path("version");

    assertThat(Integer.parseInt(second)).isEqualTo(Integer.parseInt(first) + 1);
    ModelCard a = registry.card(new dev.strata.scoring.domain.model.ModelRef("churn_model", first)).toCompletableFuture().join().orElseThrow();
    ModelCard b = registry.card(new dev.strata.scoring.domain.model.ModelRef("churn_model", second)).toCompletableFuture().join().orElseThrow();
    assertThat(b.trainingFingerprint()).isEqualTo(a.trainingFingerprint());
    given().contentType(ContentType.JSON).body(java.util.Map.of("inputs", java.util.List.of(java.util.Map.of(
            "name", b.inputName(), "datatype", "FP32", "shape", java.util.List.of(1, b.features().size()),
            "data", java.util.Collections.nCopies(b.features().size(), 0)))))
        .post("/v2/models/churn_model/versions/" + second + "/infer").then().statusCode(200).body("model_version", equalTo(second));
  }

  @Test
  void aRetrainThatDoesNotBeatTheChampionOnTheSameHeldOutRowsStaysChallengerWhatsoeverItsAuc() {
    Champions.train("churn_model");
    String champion = given().get("/models/churn_model/versions").then().extract().path("aliases.champion");

    // the same data and seed give the same model: its AUC clears the floor, and merely ties the champion
    String id = Champions.train("churn_model");

    String version = given().get("/trainings/" + id).then().statusCode(200)
        .body("state", equalTo("SUCCEEDED")).body("promoted", equalTo(false))
        .body("metrics.auc", greaterThanOrEqualTo(0.80f))
        .body("champion.version", equalTo(champion)).body("champion.metrics.auc", greaterThanOrEqualTo(0.80f))
        .body("decision", containsString("does not beat champion version " + champion))
        .extract().path("version");
    given().get("/models/churn_model/versions").then()
        .body("aliases.champion", equalTo(champion)).body("aliases.challenger", equalTo(version));
  }

  @Test
  void aModelWithoutATrainingRecipeIsNotFound() {
    given().post("/models/no_recipe/train").then().statusCode(404)
        .contentType("application/problem+json").body("detail", containsString("churn_model and risk_model"));
  }

  @Test
  void anUnknownTrainingJobIsNotFound() {
    given().get("/trainings/does-not-exist").then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void aModelNameThatCouldEscapeTheRegistryFolderIsRejected() {
    given().post("/models/..%2Fetc/train").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(404), equalTo(422), equalTo(400)));
    given().get("/models/Bad.Name/versions").then().statusCode(422).contentType("application/problem+json");
  }
}
