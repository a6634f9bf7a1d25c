package dev.strata.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Trains churn_model and risk_model through the API unless a champion of each already serves. */
public final class Champions {

  private Champions() {}

  public static void ensure() {
    for (String model : new String[] {"churn_model", "risk_model"}) {
      if (given().get("/v2/models/" + model + "/ready").statusCode() != 200) {
        train(model);
      }
    }
  }

  /** Starts a training run and waits for it to finish; returns the job id. */
  public static String train(String model) {
    String id = given().post("/models/" + model + "/train").then().statusCode(202).extract().path("id");
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> !"RUNNING".equals(given().get("/trainings/" + id).then().extract().path("state")));
    return id;
  }
}
