package dev.strata.agent.adapter.in.rest.llm;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Without LLM_BASE_URL the gateway says so, answers 503 and keeps the service ready. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.ADMIN)
class LlmGatewayUnconfiguredIT {

  @Test
  void theStatusSaysUnconfiguredAndCompletionsAnswerServiceUnavailable() {
    given().get("/llm/status").then().statusCode(200).body("configured", equalTo(false));
    given().contentType(ContentType.JSON).body("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0}")
        .post("/llm/completions")
        .then().statusCode(503).contentType("application/problem+json");
  }

  @Test
  void anUnconfiguredGatewayKeepsTheServiceReady() {
    given().get("/q/health/ready").then().log().ifValidationFails()
        .body("checks.find { it.name == 'llm-gateway' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'llm-gateway' }.data.configured", equalTo(false));
  }
}
