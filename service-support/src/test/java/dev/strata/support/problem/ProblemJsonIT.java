package dev.strata.support.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class ProblemJsonIT {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "{not json                                   | 400 | not valid JSON",
      "{\"name\":\"a\",\"colour\":\"PURPLE\",\"coats\":1} | 400 | colour",
      "{\"name\":\"a\",\"colour\":\"RED\",\"coats\":\"x\"} | 400 | coats",
      "{\"name\":\"a\",\"shade\":\"dark\"}              | 400 | unknown field 'shade'",
      "[1,2]                                       | 400 | does not fit",
      "{\"name\":\"\",\"colour\":\"RED\",\"coats\":1}      | 422 | request is invalid"})
  void everyBadBodyIsAProblemJsonClientError(String body, int status, String detail) {
    given().contentType("application/json").body(body).post("/echo").then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("detail", containsString(detail));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"text/plain, 415", "application/xml, 415"})
  void anUnsupportedMediaTypeIs415ProblemJson(String contentType, int status) {
    given().contentType(contentType).body("x").post("/echo").then().statusCode(status).contentType("application/problem+json");
  }
}
