package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.ingest.settings.IngestConfig;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
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
import org.junit.jupiter.api.Test;

/**
 * Every parameter that becomes a lake path, a file name or a query value is tried with names that
 * would escape the lake, truncate a C string or impersonate another name: each is a 4xx
 * problem+json, never a 5xx, and no file changes anywhere in the service's run folder.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.OPERATOR)
class HostileInputIT {

  static final List<String> HOSTILE = List.of(
      "../x", "/etc/passwd", "a\u0000b", "x".repeat(300),
      "\u0410APL" /* Cyrillic А */, "\u0441hurn_model" /* Cyrillic с */);

  private static final String ONE_BAR = "date,open,high,low,close,volume\n2013-01-02,10,11,9,10.5,100\n";
  private static final String ONE_EVENT = "[{\"customerId\":\"c-1\",\"ts\":\"2024-03-01T10:00:00Z\",\"event\":\"login\"}]";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject IngestConfig config;

  /** {@code value} percent-encoded, so a slash or NUL reaches the server as part of one parameter. */
  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Response postBars(String query) {
    return given().urlEncodingEnabled(false).contentType("text/csv").body(ONE_BAR).post("/bars?" + query);
  }

  private static Response get(String path) {
    return given().urlEncodingEnabled(false).get(path);
  }

  private static Response pull(String symbol, String frame) throws IOException {
    String body = JSON.writeValueAsString(Map.of("symbol", symbol, "frame", frame, "from", "2013-01-02", "to", "2013-01-03"));
    return given().contentType("application/json").body(body).post("/pulls");
  }

  private static void refused(String parameter, String value, Response response) {
    assertThat(response.statusCode()).as("%s=%s answered %s", parameter, value.length() > 40 ? "(300 chars)" : value,
        response.asString()).isIn(400, 404, 422);
    assertThat(response.contentType()).as("%s content type", parameter).startsWith("application/problem+json");
  }

  private void everyHostileValueIsRefused(String parameter, Function<String, Response> call) {
    for (String value : HOSTILE) {
      refused(parameter, value, call.apply(value));
    }
  }

  @Test
  void hostileNamesInEveryPathParameterAreProblemDocumentsAndTouchNoFile() throws Exception {
    Path runFolder = config.lake().root().toAbsolutePath().getParent();
    Files.createDirectories(config.lake().root());
    Map<String, String> before = files(runFolder);

    everyHostileValueIsRefused("POST /bars symbol", value -> postBars("symbol=" + encoded(value) + "&frame=1d"));
    everyHostileValueIsRefused("POST /bars frame", value -> postBars("symbol=HOST&frame=" + encoded(value)));
    everyHostileValueIsRefused("POST /bars jobId", value -> postBars("symbol=HOST&frame=1d&jobId=" + encoded(value)));
    everyHostileValueIsRefused("GET /bars/{symbol}", value -> get("/bars/" + encoded(value) + "?frame=1d"));
    everyHostileValueIsRefused("GET /bars frame", value -> get("/bars/HOST?frame=" + encoded(value)));
    everyHostileValueIsRefused("GET /bars interval", value -> get("/bars/HOST?frame=1m&interval=" + encoded(value)));
    everyHostileValueIsRefused("GET /jobs/{id}", value -> get("/jobs/" + encoded(value)));
    everyHostileValueIsRefused("GET /jobs/{id}/bars", value -> get("/jobs/" + encoded(value) + "/bars"));
    everyHostileValueIsRefused("POST /usage-events jobId", value -> given().urlEncodingEnabled(false)
        .contentType("application/json").body(ONE_EVENT).post("/usage-events?jobId=" + encoded(value)));
    everyHostileValueIsRefused("POST /pulls symbol", value -> unchecked(() -> pull(value, "1d")));
    everyHostileValueIsRefused("POST /pulls frame", value -> unchecked(() -> pull("HOST", value)));

    assertThat(files(runFolder)).isEqualTo(before);
    assertThat(Path.of("/etc/passwd.parquet")).doesNotExist();
    assertThat(Path.of("/etc/passwd.manifest.json")).doesNotExist();
  }

  @Test
  void aBodyJustOverTheLimitIs413() throws Exception {
    byte[] body = new byte[32 * 1024 * 1024 + 1];
    Arrays.fill(body, (byte) '1');
    // Expect: 100-continue lets the server refuse on Content-Length before the body is sent, so the
    // client reads the 413 instead of a reset connection
    HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
            + "/bars?symbol=HUGE&frame=1d&jobId=too-big"))
        .header("Authorization", TestTokens.bearer(Roles.OPERATOR)).header("Content-Type", "text/csv")
        .version(HttpClient.Version.HTTP_1_1).expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(413);
    }
    given().get("/jobs/too-big").then().statusCode(404);
  }

  @Test
  void aGzipBodyThatInflatesBeyondTheLimitIs413() {
    // 33 MiB of rows compress to a few kilobytes: the limit must count inflated bytes, not wire bytes
    String row = "2013-01-02,1,1,1,1,1\n";
    String inflated = "date,open,high,low,close,volume\n" + row.repeat(33 * 1024 * 1024 / row.length() + 1);
    given().contentType("text/csv").header("Content-Encoding", "gzip").body(TestData.gzip(inflated))
        .post("/bars?symbol=BOMB&frame=1d&jobId=gzip-bomb").then().statusCode(413)
        .contentType("application/problem+json").body("type", equalTo("urn:strata:problem:payload-too-large"));
    given().get("/jobs/gzip-bomb").then().statusCode(404);
  }

  private static Map<String, String> files(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path path : walk.toList()) {
          files.put(folder.relativize(path).toString(), Files.isRegularFile(path)
              ? Files.size(path) + "@" + Files.getLastModifiedTime(path) : "dir");
        }
      }
    }
    return files;
  }

  private interface IoCall {
    Response call() throws IOException;
  }

  private static Response unchecked(IoCall call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
