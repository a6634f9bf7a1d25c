package dev.strata.support.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

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

  @Test
  void aBodyThatDeclaresMoreThanTheLimitIs413ProblemJson() throws Exception {
    HttpResponse<String> answer = post(BodyPublishers.ofByteArray(overTheLimit()));

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = new ObjectMapper().readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(413);
    assertThat(problem.path("type").asText()).isEqualTo("urn:strata:problem:payload-too-large");
    assertThat(problem.path("detail").asText()).contains("1048576-byte limit");
  }

  @Test
  void aStreamedBodyWithoutALengthIsCutOffAt413() throws Exception {
    byte[] body = overTheLimit();
    HttpResponse<String> answer = post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = new ObjectMapper().readTree(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo("urn:strata:problem:payload-too-large");
  }

  @Test
  void aStreamedBodyWithinTheLimitReachesTheResource() throws Exception {
    byte[] body = "{\"name\":\"chunked\",\"colour\":\"GREEN\",\"coats\":2}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> answer = post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(answer.body()).path("name").asText()).isEqualTo("chunked");
  }

  @Test
  void aBodyOverTheLimitOnHttp2Is413ProblemJsonToo() throws Exception {
    URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
      // the first request upgrades the connection to HTTP/2 (h2c); the oversized one then travels on it
      client.send(HttpRequest.newBuilder(base.resolve("/q/health/live")).build(), HttpResponse.BodyHandlers.discarding());
      HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve("/echo"))
          .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(overTheLimit())).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(answer.statusCode()).isEqualTo(413);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
  }

  private static byte[] overTheLimit() {
    byte[] body = new byte[1024 * 1024 + 1]; // the test profile's limit is 1M
    Arrays.fill(body, (byte) ' ');
    return body;
  }

  private static HttpResponse<String> post(BodyPublisher body) throws Exception {
    // Expect: 100-continue lets the server refuse before the body is sent, so the client reads the
    // 413 rather than a connection reset mid-upload
    HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/echo"))
        .header("Content-Type", "application/json").version(HttpClient.Version.HTTP_1_1).expectContinue(true)
        .POST(body).build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
