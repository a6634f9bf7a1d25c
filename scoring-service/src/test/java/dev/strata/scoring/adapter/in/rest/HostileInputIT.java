package dev.strata.scoring.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.kernel.security.Roles;
import dev.strata.scoring.Champions;
import dev.strata.scoring.TemporaryModelFolder;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every parameter that becomes a folder name in the model registry (model name, version, alias)
 * or a lookup key (training job id) is tried with traversal, absolute, NUL, over-long and
 * look-alike values: each is a 4xx, never a 5xx, and no file appears or changes.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(TemporaryModelFolder.class)
// the strongest role, so a refusal can only come from validation
@ActingAs(Roles.ADMIN)
class HostileInputIT {

  /** {@code ../x}, an absolute path, a NUL byte, 300 characters, a Cyrillic {@code с} in a real model's name. */
  private static final List<String> HOSTILE = List.of("../x", "/etc/passwd", "a\u0000b", "a".repeat(300), "\u0441hurn_model");
  private static final int LIMIT = 16 * 1024 * 1024;

  @ConfigProperty(name = "scoring.registry.folder") Path folder;

  @BeforeEach
  void champions() {
    Champions.ensure();
  }

  @Test
  void hostileNamesOnModelAdministrationAndTrainingAreRefusedAsProblemJsonWithoutTouchingAFile() throws IOException {
    Map<String, Long> before = files(folder);

    refused("GET /models/{name}/versions", v -> raw().get("/models/" + encoded(v) + "/versions"), true);
    refused("POST /models/{name}/versions", v -> upload(encoded(v), "{\"task\":\"CLASSIFICATION\",\"features\":[\"tenure\"]}"), true);
    refused("POST /models/{name}/versions alias", v -> upload("hostile_upload",
        "{\"task\":\"CLASSIFICATION\",\"features\":[\"tenure\"],\"alias\":\"" + json(v) + "\"}"), true);
    refused("PUT /models/{name}/aliases/{alias} name", v -> alias(encoded(v), "champion", "1"), true);
    refused("PUT /models/{name}/aliases/{alias} alias", v -> alias("churn_model", encoded(v), "1"), true);
    refused("PUT /models/{name}/aliases/{alias} version", v -> alias("churn_model", "champion", json(v)), true);
    refused("POST /models/{name}/train", v -> raw().post("/models/" + encoded(v) + "/train"), true);
    refused("POST /models/{name}/versions/{version}/archive name", v -> raw().post("/models/" + encoded(v) + "/versions/1/archive"), true);
    refused("POST /models/{name}/versions/{version}/archive version",
        v -> raw().post("/models/churn_model/versions/" + encoded(v) + "/archive"), true);
    refused("GET /trainings/{id}", v -> raw().get("/trainings/" + encoded(v)), true);

    assertThat(files(folder)).isEqualTo(before);
    assertThat(folder.resolveSibling("x")).doesNotExist();
  }

  @Test
  void hostileNamesAndVersionsOnTheInferenceProtocolAreRefusedWithAProtocolErrorWithoutTouchingAFile() throws IOException {
    Map<String, Long> before = files(folder);
    String body = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1,1],\"data\":[1]}]}";

    refused("GET /v2/models/{name}", v -> raw().get("/v2/models/" + encoded(v)), false);
    refused("GET /v2/models/{name}/versions/{version}", v -> raw().get("/v2/models/churn_model/versions/" + encoded(v)), false);
    refused("GET /v2/models/{name}/ready", v -> raw().get("/v2/models/" + encoded(v) + "/ready"), false);
    refused("POST /v2/models/{name}/infer", v -> raw().contentType(ContentType.JSON).body(body)
        .post("/v2/models/" + encoded(v) + "/infer"), false);
    refused("POST /v2/models/{name}/versions/{version}/infer", v -> raw().contentType(ContentType.JSON).body(body)
        .post("/v2/models/churn_model/versions/" + encoded(v) + "/infer"), false);

    assertThat(files(folder)).isEqualTo(before);
  }

  @Test
  void anInferenceBodyJustOverTheLimitIs413() throws Exception {
    assertThat(postOverTheLimit("/v2/models/churn_model/infer", "application/json")).isEqualTo(413);
  }

  @Test
  void anUploadJustOverTheLimitIs413AndRegistersNothing() throws Exception {
    Map<String, Long> before = files(folder);
    assertThat(postOverTheLimit("/models/too_big/versions", "multipart/form-data; boundary=x")).isEqualTo(413);
    assertThat(files(folder)).isEqualTo(before);
  }

  private static void refused(String where, Function<String, Response> call, boolean problemJson) {
    for (String value : HOSTILE) {
      Response response = call.apply(value);
      assertThat(response.statusCode()).as(where + " with " + printable(value)).isIn(400, 404, 422);
      if (problemJson) {
        assertThat(response.contentType()).as(where + " with " + printable(value)).startsWith("application/problem+json");
      } else {
        // OIP answers {"error": "..."} as the protocol prescribes, or problem+json when no route matched
        assertThat(response.contentType()).as(where + " with " + printable(value)).contains("json");
      }
    }
  }

  /** Paths are sent exactly as encoded here ({@code %2F}, {@code %00}), not encoded twice. */
  private static io.restassured.specification.RequestSpecification raw() {
    return given().urlEncodingEnabled(false);
  }

  private static Response upload(String model, String metadata) {
    return raw()
        .multiPart("model", "model.onnx", new byte[] {1, 2, 3}, "application/octet-stream")
        .multiPart("metadata", "metadata.json", metadata.getBytes(StandardCharsets.UTF_8), "application/json")
        .post("/models/" + model + "/versions");
  }

  private static Response alias(String model, String alias, String version) {
    return raw().contentType(ContentType.JSON).body("{\"version\":\"" + version + "\"}")
        .put("/models/" + model + "/aliases/" + alias);
  }

  private static int postOverTheLimit(String path, String contentType) throws Exception {
    byte[] body = new byte[LIMIT + 1];
    Arrays.fill(body, (byte) ' ');
    // Expect: 100-continue lets the server refuse on Content-Length before the body is sent, so the
    // client reads the 413 instead of a reset connection
    HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
        .header("Authorization", TestTokens.bearer(Roles.ADMIN)).header("Content-Type", contentType)
        .version(HttpClient.Version.HTTP_1_1).expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The value as a JSON string body (NUL escaped). */
  private static String json(String value) {
    return value.replace("\u0000", "\\u0000");
  }

  private static String printable(String value) {
    String shown = value.replace("\u0000", "\\0");
    return shown.length() > 20 ? shown.substring(0, 20) + "…(" + value.length() + ")" : shown;
  }

  private static Map<String, Long> files(Path root) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis() ^ Files.size(p));
      }
    }
    return files;
  }
}
