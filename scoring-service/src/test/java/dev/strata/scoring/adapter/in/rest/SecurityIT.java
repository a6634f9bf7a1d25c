package dev.strata.scoring.adapter.in.rest;

import dev.strata.testing.Authorized;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.kernel.security.Roles;
import dev.strata.scoring.Champions;
import dev.strata.scoring.TelcoCustomerFeatures;
import dev.strata.scoring.TemporaryModelFolder;
import dev.strata.scoring.domain.training.HoldoutSplit;
import dev.strata.scoring.domain.training.ModelTrainer;
import dev.strata.scoring.domain.training.Recipe;
import dev.strata.scoring.domain.training.TrainedModel;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per resource class: no token is 401 problem+json, too weak a role is 403 problem+json, the
 * right role succeeds, a token signed by another key is 401; the OIP health and server metadata
 * stay open.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(TemporaryModelFolder.class)
class SecurityIT {

  /** A role the platform does not know: weaker than reader. */
  private static final String NO_ROLE = "guest";

  private static TrainedModel trained;

  @Inject ModelTrainer trainer;
  @Inject TelcoCustomerFeatures telco;
  @Inject io.smallrye.jwt.auth.principal.JWTParser jwtParser;

  @BeforeEach
  void championsAndAnUploadableModel() {
    Authorized.as(Roles.ADMIN);
    try {
      Champions.ensure();
    } finally {
      Authorized.reset();
    }
    if (trained == null) {
      var rows = telco.rows().stream().map(Recipe.CHURN::example).toList();
      trained = trainer.train(Recipe.CHURN.task(), TelcoCustomerFeatures.FEATURES, HoldoutSplit.of(rows, 0.2).training(), 3).toCompletableFuture().join();
    }
  }

  @Test
  void oipHealthAndServerMetadataAreOpenWithoutAToken() {
    given().get("/v2").then().statusCode(200).body("name", equalTo("strata-scoring"));
    given().get("/v2/health/live").then().statusCode(200);
    given().get("/v2/health/ready").then().statusCode(200);
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
  }

  @Test
  void oipModelMetadataReadinessAndInferenceNeedAReaderToken() {
    unauthenticated(given().get("/v2/models/churn_model"));
    unauthenticated(given().contentType(ContentType.JSON).body(inferBody()).post("/v2/models/churn_model/infer"));
    forbidden(as(NO_ROLE).get("/v2/models/churn_model"));
    forbidden(as(NO_ROLE).get("/v2/models/churn_model/ready"));
    forbidden(as(NO_ROLE).contentType(ContentType.JSON).body(inferBody()).post("/v2/models/churn_model/infer"));

    as(Roles.READER).get("/v2/models/churn_model").then().statusCode(200).body("name", equalTo("churn_model"));
    as(Roles.READER).get("/v2/models/churn_model/ready").then().statusCode(200);
    as(Roles.READER).contentType(ContentType.JSON).body(inferBody()).post("/v2/models/churn_model/infer")
        .then().statusCode(200).body("model_name", equalTo("churn_model"));
  }

  @Test
  void scoringCustomersNeedsAnOperatorOrServiceToken() {
    Map<String, Object> request = Map.of("customerIds", List.of("C00002"));
    unauthenticated(given().contentType(ContentType.JSON).body(request).post("/scores/customers"));
    forbidden(as(Roles.READER).contentType(ContentType.JSON).body(request).post("/scores/customers"));

    as(Roles.OPERATOR).contentType(ContentType.JSON).body(request).post("/scores/customers")
        .then().statusCode(200).body("scores[0].customerId", equalTo("C00002"));
    // agent-service calls with its service token
    as(Roles.SERVICE).contentType(ContentType.JSON).body(request).post("/scores/customers").then().statusCode(200);
  }

  @Test
  void listingVersionsAndReadingATrainingJobNeedAReaderAndTrainingAnOperator() {
    unauthenticated(given().get("/models/churn_model/versions"));
    unauthenticated(given().post("/models/churn_model/train"));
    forbidden(as(NO_ROLE).get("/models/churn_model/versions"));
    forbidden(as(Roles.READER).post("/models/churn_model/train"));

    as(Roles.READER).get("/models/churn_model/versions").then().statusCode(200).body("aliases.champion", org.hamcrest.Matchers.notNullValue());
    String id = as(Roles.OPERATOR).post("/models/churn_model/train").then().statusCode(202).extract().path("id");
    unauthenticated(given().get("/trainings/" + id));
    forbidden(as(NO_ROLE).get("/trainings/" + id));
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> !"RUNNING".equals(as(Roles.READER).get("/trainings/" + id).then().statusCode(200).extract().path("state")));
  }

  @Test
  void uploadingAVersionAndMovingAnAliasNeedAnAdminAndNeverAServiceToken() {
    unauthenticated(upload(given()));
    forbidden(upload(as(Roles.OPERATOR)));
    forbidden(upload(as(Roles.SERVICE)));
    String version = upload(as(Roles.ADMIN)).then().statusCode(201).extract().path("version");

    Map<String, String> target = Map.of("version", version);
    unauthenticated(given().contentType(ContentType.JSON).body(target).put("/models/secured_upload/aliases/champion"));
    forbidden(as(Roles.OPERATOR).contentType(ContentType.JSON).body(target).put("/models/secured_upload/aliases/champion"));
    forbidden(as(Roles.SERVICE).contentType(ContentType.JSON).body(target).put("/models/secured_upload/aliases/champion"));
    as(Roles.ADMIN).contentType(ContentType.JSON).body(target).put("/models/secured_upload/aliases/champion")
        .then().statusCode(200).body("aliases.champion", equalTo(version));
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefusedOnEveryResourceClass() {
    String forged = TestTokens.bearerSignedByAnotherKey(Roles.ADMIN);
    unauthenticated(given().header("Authorization", forged).get("/v2/models/churn_model"));
    unauthenticated(given().header("Authorization", forged).contentType(ContentType.JSON)
        .body(Map.of("customerIds", List.of("C00002"))).post("/scores/customers"));
    unauthenticated(given().header("Authorization", forged).get("/models/churn_model/versions"));
    unauthenticated(upload(given().header("Authorization", forged)));
  }

  @Test
  void theCacheOfVerifiedTokensServesOnlyTokensThatPassedVerification() {
    org.assertj.core.api.Assertions.assertThat(jwtParser).as("the bearer path goes through service-support's cache")
        .isInstanceOf(dev.strata.support.security.CachingJwtParser.class);
    String reader = TestTokens.bearer(Roles.READER);
    String forged = TestTokens.bearerSignedByAnotherKey(Roles.ADMIN);
    for (int i = 0; i < 3; i++) {
      given().header("Authorization", reader).get("/v2/models/churn_model").then().statusCode(200);
      // a cached token keeps exactly the roles it was verified with
      forbidden(given().header("Authorization", reader).contentType(ContentType.JSON).body(Map.of("version", "1"))
          .put("/models/churn_model/aliases/champion"));
      unauthenticated(given().header("Authorization", forged).get("/v2/models/churn_model"));
    }
  }

  private static RequestSpecification as(String role) {
    return given().header("Authorization", TestTokens.bearer(role));
  }

  private static void unauthenticated(io.restassured.response.Response response) {
    response.then().statusCode(401).contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
  }

  private static void forbidden(io.restassured.response.Response response) {
    response.then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
  }

  private static Map<String, Object> inferBody() {
    int width = trained.featureOrder().size();
    return Map.of("inputs", List.of(Map.of("name", trained.inputName(), "datatype", "FP32",
        "shape", List.of(1, width), "data", Collections.nCopies(width, 1))));
  }

  private static io.restassured.response.Response upload(RequestSpecification request) {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("task", "CLASSIFICATION");
    metadata.put("features", trained.featureOrder());
    metadata.put("positiveIndex", trained.positiveIndex());
    return request.multiPart("model", "model.onnx", trained.onnx(), "application/octet-stream")
        .multiPart("metadata", metadata, "application/json").post("/models/secured_upload/versions");
  }
}
