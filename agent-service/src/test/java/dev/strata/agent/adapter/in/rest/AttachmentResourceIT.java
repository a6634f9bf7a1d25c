package dev.strata.agent.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.strata.agent.application.files.SweepOrphanContent;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Authorized;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attachments end to end on the real Postgres and a real folder: streamed upload and download,
 * recorded sha256/size/type, de-duplication, delete semantics, the size limit (4M in %test), and
 * every refusal as problem+json.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.ADMIN)
class AttachmentResourceIT {

  private static final int LIMIT = 4 * 1024 * 1024;

  @ConfigProperty(name = "agent.files.root") String root;
  @TestHTTPResource("/") URI base;
  @Inject SweepOrphanContent sweep;

  private static String session() {
    String agent = AgentResourceIT.create("Attachment agent", "attachments");
    return given().contentType(ContentType.JSON).body("{\"agentId\":\"" + agent + "\",\"title\":\"files\"}")
        .post("/sessions").then().statusCode(201).extract().path("id");
  }

  private static String execution() {
    String workflow = given().contentType(ContentType.JSON)
        .body(WorkflowResourceIT.workflow("[{\"id\":\"t\",\"kind\":\"template\",\"params\":{\"text\":\"hi\"}}]"))
        .post("/workflows").then().statusCode(201).extract().path("id");
    return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body("{}")
        .post("/workflows/" + workflow + "/executions").then().statusCode(202).extract().path("id");
  }

  private static ValidatableResponse upload(String path, String name, String type, byte[] bytes) {
    // RestAssured would append "; charset=ISO-8859-1" to a type without one; a real client does not
    var request = given().config(RestAssuredConfig.config().encoderConfig(
        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
        .contentType(type == null ? "" : type).body(bytes);
    if (name != null) {
      request = request.queryParam("name", name);
    }
    return request.post(path).then();
  }

  private static ValidatableResponse problem(ValidatableResponse response, int status) {
    return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private List<Path> filesUnderRoot() throws IOException {
    Path folder = Path.of(root);
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(Files::isRegularFile).toList();
    }
  }

  private List<Path> stagingFiles() throws IOException {
    return filesUnderRoot().stream().filter(p -> p.startsWith(Path.of(root, "staging"))).toList();
  }

  @Test
  void anUploadStreamsBackByteIdenticalWithItsRecordedDigestSizeTypeAndName() throws Exception {
    String session = session();
    byte[] bytes = randomBytes(3 * 1024 * 1024 + 17, 1);
    String sha = sha256(bytes);

    String location = upload("/sessions/" + session + "/attachments", "Q3 review – Übersicht.pdf", "application/pdf", bytes)
        .statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/attachments/"))
        .body("sessionId", equalTo(session)).body("sha256", equalTo(sha)).body("sizeBytes", equalTo(bytes.length))
        .body("contentType", equalTo("application/pdf")).body("fileName", equalTo("Q3 review – Übersicht.pdf"))
        .extract().header("Location");
    location = URI.create(location).getPath();

    var download = given().get(location + "/content").then().statusCode(200)
        .contentType("application/pdf").header("Content-Length", String.valueOf(bytes.length))
        .header("ETag", "\"" + sha + "\"").header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "attachment; filename=\"Q3 review _ _bersicht.pdf\"; filename*=UTF-8''"
            + URLEncoder.encode("Q3 review – Übersicht.pdf", StandardCharsets.UTF_8).replace("+", "%20"))
        .extract().asByteArray();
    assertThat(download).isEqualTo(bytes);
    given().header("If-None-Match", "\"" + sha + "\"").get(location + "/content").then().statusCode(304);

    given().get(location).then().statusCode(200).body("sha256", equalTo(sha)).body("contentUrl", equalTo(location + "/content"));
    given().get("/sessions/" + session + "/attachments").then().statusCode(200)
        .body("total", equalTo(1)).body("items[0].sha256", equalTo(sha));
    Path blob = Path.of(root, "sha256", sha.substring(0, 2), sha.substring(2, 4), sha);
    assertThat(Files.readAllBytes(blob)).isEqualTo(bytes);
    assertThat(stagingFiles()).isEmpty();
  }

  @Test
  void theSameContentTwiceIsTwoAttachmentsOfOneBlobThatGoesWithTheLastOfThem() throws Exception {
    byte[] bytes = randomBytes(100_000, 2);
    String sha = sha256(bytes);
    String session = session();
    String execution = execution();

    String first = upload("/sessions/" + session + "/attachments", "a.csv", "text/csv; charset=utf-8", bytes)
        .statusCode(201).body("contentType", equalTo("text/csv;charset=utf-8")).extract().path("id");
    String second = upload("/executions/" + execution + "/attachments", "b.bin", "application/octet-stream", bytes)
        .statusCode(201).body("executionId", equalTo(execution)).body("sha256", equalTo(sha)).extract().path("id");
    given().get("/executions/" + execution + "/attachments").then().statusCode(200).body("items[0].id", equalTo(second));
    assertThat(filesUnderRoot()).filteredOn(p -> p.getFileName().toString().equals(sha)).hasSize(1);

    given().delete("/attachments/" + first).then().statusCode(204);
    problem(given().get("/attachments/" + first).then(), 404);
    given().get("/attachments/" + second + "/content").then().statusCode(200);
    assertThat(filesUnderRoot()).filteredOn(p -> p.getFileName().toString().equals(sha)).hasSize(1);

    given().delete("/attachments/" + second).then().statusCode(204);
    assertThat(filesUnderRoot()).filteredOn(p -> p.getFileName().toString().equals(sha)).isEmpty();
    problem(given().delete("/attachments/" + second).then(), 404);
  }

  @Test
  void blobsOfADeletedSessionAreSweptWhileContentStillAttachedElsewhereStays() throws Throwable {
    byte[] shared = randomBytes(10_000, 4);
    byte[] own = randomBytes(10_000, 5);
    String session = session();
    String other = session();
    upload("/sessions/" + session + "/attachments", "shared.bin", "application/octet-stream", shared).statusCode(201);
    upload("/sessions/" + session + "/attachments", "own.bin", "application/octet-stream", own).statusCode(201);
    upload("/sessions/" + other + "/attachments", "shared.bin", "application/octet-stream", shared).statusCode(201);

    given().delete("/sessions/" + session).then().statusCode(204);
    assertThat(blobExists(own)).as("rows go by cascade, files stay until the sweep").isTrue();
    VertxContextSupport.subscribeAndAwait(sweep::run);

    assertThat(blobExists(own)).isFalse();
    assertThat(blobExists(shared)).isTrue();
    given().get("/sessions/" + other + "/attachments").then().body("total", equalTo(1));
  }

  private boolean blobExists(byte[] bytes) throws Exception {
    String sha = sha256(bytes);
    return Files.exists(Path.of(root, "sha256", sha.substring(0, 2), sha.substring(2, 4), sha));
  }

  @Test
  void aDeclaredBodyOverTheLimitIs413BeforeAnythingIsStored() throws Exception {
    String session = session();
    problem(upload("/sessions/" + session + "/attachments", "big.bin", "application/octet-stream", new byte[LIMIT + 1]), 413);
    upload("/sessions/" + session + "/attachments", "exact.bin", "application/octet-stream", new byte[LIMIT]).statusCode(201);
    given().get("/sessions/" + session + "/attachments").then().body("total", equalTo(1));
    assertThat(stagingFiles()).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheLimitIsCutOffWhileStreamingWith413AndNoDebris() throws Exception {
    String session = session();
    byte[] bytes = randomBytes(LIMIT + 100_000, 3);
    // an InputStream publisher has no length: the body goes out chunked, so only streaming can stop it
    var request = HttpRequest.newBuilder(base.resolve("/sessions/" + session + "/attachments?name=big.bin"))
        .header("Authorization", TestTokens.bearer(Roles.ADMIN)).header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
    HttpResponse<String> response;
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    }
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(stagingFiles()).isEmpty();
    assertThat(filesUnderRoot()).noneMatch(p -> {
      try {
        return p.getFileName().toString().equals(sha256(bytes));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    given().get("/sessions/" + session + "/attachments").then().body("total", equalTo(0));
  }

  @Test
  void theOpenApiDocumentDescribesTheUploadAsABinaryBody() {
    given().accept("application/json").get("/q/openapi").then().statusCode(200)
        .body("paths.'/sessions/{id}/attachments'.post.requestBody.content.'application/octet-stream'.schema.format", equalTo("binary"))
        .body("paths.'/executions/{id}/attachments'.post.parameters.name", org.hamcrest.Matchers.hasItem("name"))
        .body("paths.'/attachments/{id}/content'.get.responses.'200'.content.'application/octet-stream'.schema.format", equalTo("binary"));
  }

  @Test
  void aJsonBodyStillHasTheOneMegabyteLimitAsProblemJson() {
    String body = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
    problem(given().contentType(ContentType.JSON).body(body).post("/agents").then(), 413);
  }

  @Test
  void anUnknownOwnerIs404AndAMalformedIdIs400() {
    byte[] bytes = {1, 2, 3};
    problem(upload("/sessions/" + UUID.randomUUID() + "/attachments", "x.bin", "application/octet-stream", bytes), 404);
    problem(upload("/executions/" + UUID.randomUUID() + "/attachments", "x.bin", "application/octet-stream", bytes), 404);
    problem(upload("/sessions/not-a-uuid/attachments", "x.bin", "application/octet-stream", bytes), 400);
    problem(given().get("/sessions/" + UUID.randomUUID() + "/attachments").then(), 404);
    problem(given().get("/attachments/not-a-uuid").then(), 400);
    problem(given().get("/attachments/" + UUID.randomUUID() + "/content").then(), 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", "..", "a\u0000b", "crlf\r\nX-Injected: 1", "rtl\u202Efdp.exe"})
  void aHostileFileNameIsRefusedAndNothingIsWritten(String name) throws Exception {
    String session = session();
    var before = filesUnderRoot();
    problem(upload("/sessions/" + session + "/attachments", name, "text/plain", "x".getBytes(StandardCharsets.UTF_8)), 422);
    assertThat(filesUnderRoot()).isEqualTo(before);
  }

  @Test
  void anOverLongOrMissingFileNameIsRefused() {
    String session = session();
    byte[] bytes = {1};
    problem(upload("/sessions/" + session + "/attachments", "a".repeat(129), "text/plain", bytes), 422);
    problem(upload("/sessions/" + session + "/attachments", null, "text/plain", bytes), 422);
  }

  @Test
  void aMissingOrRefusedContentTypeIs415() {
    String session = session();
    byte[] bytes = {1};
    problem(upload("/sessions/" + session + "/attachments", "page.html", "text/html", bytes), 415);
    problem(upload("/sessions/" + session + "/attachments", "form", "multipart/form-data; boundary=x", bytes), 415);
    problem(upload("/sessions/" + session + "/attachments", "none", null, bytes), 415);
  }

  @Test
  void aReaderMayListAndDownloadButNotUploadOrDelete() {
    // the session is the admin's; a reader who is that same subject reads it
    String session = session();
    String id = upload("/sessions/" + session + "/attachments", "r.txt", "text/plain", "read me".getBytes(StandardCharsets.UTF_8))
        .statusCode(201).extract().path("id");
    Authorized.reset();
    problem(asReader().delete("/attachments/" + id).then(), 403);
    problem(asReader().contentType("text/plain").queryParam("name", "r.txt").body(new byte[] {1})
        .post("/sessions/" + session + "/attachments").then(), 403);
    asReader().get("/sessions/" + session + "/attachments").then().statusCode(200);
    asReader().get("/attachments/" + id).then().statusCode(200);
    asReader().get("/attachments/" + id + "/content").then().statusCode(200).body(equalTo("read me"));
  }

  private static io.restassured.specification.RequestSpecification asReader() {
    return given().header("Authorization", dev.strata.agent.support.SubjectTokens.bearer("test-admin", Roles.READER));
  }

  @Test
  void anUploadWithoutATokenIs401() {
    String session = session();
    Authorized.reset();
    problem(upload("/sessions/" + session + "/attachments", "r.txt", "text/plain", new byte[] {1}), 401);
  }
}
