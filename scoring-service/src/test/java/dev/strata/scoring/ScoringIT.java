package dev.strata.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /scores/customers through the feature port, with the champion churn and risk models. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(TemporaryModelFolder.class)
@ActingAs(Roles.ADMIN)
class ScoringIT {

  @Inject TelcoCustomerFeatures telco;

  @BeforeEach
  void champions() {
    Champions.ensure();
  }

  @Test
  void customersGivenByIdGetAChurnProbabilityAndRevenueAtRiskWithBothModelVersions() {
    given().contentType(ContentType.JSON).body(Map.of("customerIds", List.of("C00002", "C00003", "C99999")))
        .post("/scores/customers").then().statusCode(200)
        .body("scores", hasSize(2))
        .body("scores.customerId", containsInAnyOrder("C00002", "C00003"))
        .body("scores.churnProbability", everyItem(greaterThanOrEqualTo(0f)))
        .body("scores.churnProbability", everyItem(lessThanOrEqualTo(1f)))
        .body("scores.risk", everyItem(greaterThanOrEqualTo(0f)))
        .body("models", aMapWithSize(2)).body("models", hasKey("churn_model")).body("models", hasKey("risk_model"));
  }

  @Test
  void severalThousandIdsAreScoredInChunksAndUnknownOnesAreLeftOut() {
    List<String> known = telco.rows().stream().map(r -> r.customerId()).toList();
    List<String> ids = new java.util.ArrayList<>(known);
    java.util.stream.IntStream.range(0, 5500).mapToObj(i -> "X%05d".formatted(i)).forEach(ids::add);

    given().contentType(ContentType.JSON).body(Map.of("customerIds", ids))
        .post("/scores/customers").then().statusCode(200).body("scores", hasSize(known.size()));
  }

  @Test
  void aChallengerScoresTheSameCustomersInShadowAndTheComparisonIsPublishedAsMetrics() {
    // two runs on the same data: whichever did not become champion is the challenger
    Champions.train("churn_model");
    Champions.train("churn_model");
    String challenger = given().get("/models/churn_model/versions").then().extract().path("aliases.challenger");
    List<String> ids = telco.rows().stream().limit(300).map(r -> r.customerId()).toList();

    given().contentType(ContentType.JSON).body(Map.of("customerIds", ids)).post("/scores/customers").then().statusCode(200)
        .body("scores", hasSize(300)).body("models.churn_model", org.hamcrest.Matchers.not(equalTo(challenger)));

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    org.assertj.core.api.Assertions.assertThat(metrics)
        .containsPattern("scoring_shadow_rows_customers_total\\{[^}]*agreement=\"agree\"[^}]*challenger=\"" + challenger
            + "\"[^}]*model=\"churn_model\"[^}]*} [1-9]")
        .containsPattern("scoring_shadow_difference_count\\{[^}]*challenger=\"" + challenger + "\"[^}]*model=\"churn_model\"");
  }

  @Test
  void allActiveCustomersAreScoredAcrossSeveralChunks() {
    long active = telco.rows().stream().filter(r -> !r.churned()).count();
    given().contentType(ContentType.JSON).body(Map.of("all", true))
        .post("/scores/customers").then().statusCode(200).body("scores", hasSize((int) active));
  }

  @Test
  void aChurnerScoresHigherThanALoyalCustomerOnAverage() {
    List<String> churners = telco.rows().stream().filter(r -> r.churned()).limit(100).map(r -> r.customerId()).toList();
    List<String> loyal = telco.rows().stream().filter(r -> !r.churned()).limit(100).map(r -> r.customerId()).toList();
    double churnerMean = meanProbability(churners);
    double loyalMean = meanProbability(loyal);
    org.assertj.core.api.Assertions.assertThat(churnerMean).isGreaterThan(loyalMean);
  }

  @Test
  void aRequestWithNeitherIdsNorAllOrWithBothIsInvalid() {
    for (Object body : List.of(Map.of(), Map.of("customerIds", List.of("C00002"), "all", true))) {
      given().contentType(ContentType.JSON).body(body).post("/scores/customers")
          .then().statusCode(422).contentType("application/problem+json");
    }
  }

  @Test
  void aMalformedCustomerIdOrUnknownFieldIsAClientError() {
    given().contentType(ContentType.JSON).body(Map.of("customerIds", List.of("../etc/passwd")))
        .post("/scores/customers").then().statusCode(422).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body(Map.of("customers", List.of("C00002")))
        .post("/scores/customers").then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void aCallerThatPrefersRespondAsyncGetsAJobThatReportsChunksAndEndsWithTheScores() {
    List<String> ids = telco.rows().stream().map(r -> r.customerId()).toList(); // 1,500: two chunks of 1,000
    double scoredBefore = customersScoredCounter();
    var accepted = given().contentType(ContentType.JSON).header("Prefer", "respond-async, wait=0").body(Map.of("customerIds", ids))
        .post("/scores/customers").then().statusCode(202)
        .header("Preference-Applied", "respond-async")
        .body("state", equalTo("RUNNING")).body("chunksTotal", equalTo(2)).extract();
    String location = accepted.header("Location");
    org.assertj.core.api.Assertions.assertThat(location).endsWith("/scores/jobs/" + accepted.path("id"));

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> !"RUNNING".equals(given().get(location).then().statusCode(200).extract().path("state")));

    given().get(location).then().statusCode(200)
        .body("state", equalTo("SUCCEEDED")).body("chunksDone", equalTo(2)).body("chunksTotal", equalTo(2))
        .body("rowsScored", equalTo(1500)).body("finishedAt", notNullValue())
        .body("result.scores", hasSize(1500)).body("result.models", hasKey("churn_model"));
    org.assertj.core.api.Assertions.assertThat(customersScoredCounter() - scoredBefore).isGreaterThanOrEqualTo(1500);
  }

  @Test
  void anInvalidAsyncRequestIsRefusedAtOnceAndAnUnknownJobIsNotFound() {
    given().contentType(ContentType.JSON).header("Prefer", "respond-async").body(Map.of())
        .post("/scores/customers").then().statusCode(422).contentType("application/problem+json");
    given().get("/scores/jobs/6b1c2d3e-0000-4000-8000-000000000000").then().statusCode(404).contentType("application/problem+json");
  }

  private static double customersScoredCounter() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics.lines().filter(l -> l.startsWith("scoring_customers_scored_customers_total"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  private static double meanProbability(List<String> ids) {
    List<Float> probabilities = given().contentType(ContentType.JSON).body(Map.of("customerIds", ids))
        .post("/scores/customers").then().statusCode(200).extract().jsonPath().getList("scores.churnProbability", Float.class);
    return probabilities.stream().mapToDouble(Float::doubleValue).average().orElseThrow();
  }
}
