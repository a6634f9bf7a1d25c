package dev.strata.agent.adapter.in.rest.security;

import dev.strata.testing.Authorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per resource class: no token → 401 problem+json, a token of too weak a role → 403, the right role
 * → success, a token signed by a key we do not trust → 401.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class SecurityIT {

  private static final String NO_ROLE = "nobody";

  /** One guarded call of a resource class: method, path, body, the role it needs, a role too weak, the status on success. */
  record Guarded(String resource, String method, String path, String body, String needs, String tooWeak, int success) {
    @Override
    public String toString() {
      return resource + ": " + method + " " + path;
    }
  }

  @BeforeEach
  void sendNoDefaultToken() {
    Authorized.reset();
  }

  static Stream<Arguments> guardedCalls() {
    String agent = """
        {"name":"sec-%s","type":"assistant","model":"gpt-4o-mini","systemPrompt":"","config":{},"status":"active"}"""
        .formatted(UUID.randomUUID());
    return Stream.of(
        new Guarded("AgentResource", "GET", "/agents", null, Roles.READER, NO_ROLE, 200),
        new Guarded("AgentResource", "POST", "/agents", agent, Roles.OPERATOR, Roles.READER, 201),
        new Guarded("WorkflowResource", "GET", "/workflows", null, Roles.READER, NO_ROLE, 200),
        new Guarded("WorkflowResource", "POST", "/workflows", workflowBody(), Roles.OPERATOR, Roles.READER, 201),
        new Guarded("WorkflowExecutionResource", "POST", "/workflows/{workflow}/executions", "{\"input\":{}}",
            Roles.OPERATOR, Roles.READER, 202),
        new Guarded("ExecutionResource", "GET", "/executions", null, Roles.READER, NO_ROLE, 200),
        new Guarded("ExecutionResource", "POST", "/executions/" + UUID.randomUUID() + "/cancel", null, Roles.OPERATOR,
            Roles.READER, 404),
        new Guarded("AuditResource", "GET", "/audit/verify", null, Roles.READER, NO_ROLE, 200),
        new Guarded("NotificationResource", "GET", "/notifications", null, Roles.READER, NO_ROLE, 200),
        new Guarded("SessionResource", "GET", "/sessions", null, Roles.READER, NO_ROLE, 200),
        new Guarded("SessionResource", "DELETE", "/sessions/" + UUID.randomUUID(), null, Roles.OPERATOR, Roles.READER, 404),
        new Guarded("SessionAttachmentResource", "GET", "/sessions/" + UUID.randomUUID() + "/attachments", null,
            Roles.READER, NO_ROLE, 404),
        new Guarded("ExecutionAttachmentResource", "GET", "/executions/" + UUID.randomUUID() + "/attachments", null,
            Roles.READER, NO_ROLE, 404),
        new Guarded("AttachmentResource", "GET", "/attachments/" + UUID.randomUUID() + "/content", null,
            Roles.READER, NO_ROLE, 404),
        new Guarded("AttachmentResource", "DELETE", "/attachments/" + UUID.randomUUID(), null,
            Roles.OPERATOR, Roles.READER, 404),
        new Guarded("UserResource", "GET", "/users", null, Roles.ADMIN, Roles.OPERATOR, 200),
        new Guarded("UserResource", "GET", "/users", null, Roles.ADMIN, Roles.SERVICE, 200),
        new Guarded("ApiKeyResource", "GET", "/api-keys/" + UUID.randomUUID(), null, Roles.ADMIN, Roles.OPERATOR, 404),
        new Guarded("ApiKeyResource", "POST", "/api-keys", "{\"name\":\"sec\",\"roles\":[\"reader\"]}", Roles.ADMIN,
            Roles.SERVICE, 201),
        new Guarded("LlmResource", "GET", "/llm/status", null, Roles.READER, NO_ROLE, 200),
        new Guarded("LlmResource", "DELETE", "/llm/cache?model=sec-model", null, Roles.ADMIN, Roles.OPERATOR, 200),
        new Guarded("LlmResource", "DELETE", "/llm/cache?model=sec-model", null, Roles.ADMIN, Roles.SERVICE, 200))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guardedCalls")
  void withoutATokenTheAnswerIs401ProblemJson(Guarded call) {
    call(call, given()).then().statusCode(401).contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guardedCalls")
  void aTooWeakRoleIs403ProblemJson(Guarded call) {
    call(call, given().header("Authorization", TestTokens.bearer(call.tooWeak()))).then()
        .statusCode(403).contentType("application/problem+json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guardedCalls")
  void theRightRoleSucceeds(Guarded call) {
    call(call, given().header("Authorization", TestTokens.bearer(call.needs()))).then().statusCode(call.success());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guardedCalls")
  void aTokenSignedByAnotherKeyIs401(Guarded call) {
    call(call, given().header("Authorization", TestTokens.bearerSignedByAnotherKey(Roles.ADMIN))).then()
        .statusCode(401).contentType("application/problem+json");
  }

  @Test
  void healthMetricsAndOpenApiStayOpen() {
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
    given().get("/q/openapi").then().statusCode(200);
  }

  private static io.restassured.response.Response call(Guarded call, RequestSpecification request) {
    if (call.body() != null) {
      request = request.contentType(ContentType.JSON).body(call.body());
    }
    if (call.path().contains("/executions") && call.method().equals("POST") && call.body() != null) {
      request = request.header("Idempotency-Key", UUID.randomUUID().toString());
    }
    // the workflow is created only when the call runs, with a token of its own
    String path = call.path().replace("{workflow}", call.path().contains("{workflow}") ? workflowId() : "");
    return request.request(call.method(), path);
  }

  private static String workflowBody() {
    return """
        {"name":"sec-%s","steps":[{"id":"a","kind":"template","params":{"text":"hi"}}]}""".formatted(UUID.randomUUID());
  }

  private static String workflowId() {
    return given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON).body(workflowBody())
        .post("/workflows").then().statusCode(201).extract().path("id");
  }
}
