package dev.strata.scoring;

import static io.restassured.RestAssured.given;

import dev.strata.scoring.domain.training.HoldoutSplit;
import dev.strata.scoring.domain.training.ModelTrainer;
import dev.strata.scoring.domain.training.Recipe;
import dev.strata.scoring.domain.training.TrainedModel;
import java.util.HashMap;
import java.util.Map;

/**
 * Champions of churn_model and risk_model for a test whose feature source is not the Telco slice
 * (so training over the API cannot read it): fitted in the test on the slice and uploaded as an
 * admin would, with the champion alias. Needs an admin token set ({@code Authorized}).
 */
public final class UploadedChampions {

  private UploadedChampions() {}

  public static void ensure(ModelTrainer trainer) {
    for (Recipe recipe : Recipe.values()) {
      if (given().get("/v2/models/" + recipe.model() + "/ready").statusCode() != 200) {
        upload(recipe, trainer);
      }
    }
  }

  private static void upload(Recipe recipe, ModelTrainer trainer) {
    var rows = new TelcoCustomerFeatures().rows().stream().map(recipe::example).toList();
    TrainedModel trained = trainer.train(recipe.task(), TelcoCustomerFeatures.FEATURES, HoldoutSplit.of(rows, 0.2).training(), 7)
        .toCompletableFuture().join();
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("task", recipe.task().name());
    metadata.put("features", trained.featureOrder());
    metadata.put("alias", "champion");
    if (trained.positiveIndex() != null) {
      metadata.put("positiveIndex", trained.positiveIndex());
    }
    given().multiPart("model", "model.onnx", trained.onnx(), "application/octet-stream")
        .multiPart("metadata", metadata, "application/json")
        .post("/models/" + recipe.model() + "/versions").then().statusCode(201);
  }
}
