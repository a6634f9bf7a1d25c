package dev.strata.warehouse.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import dev.strata.warehouse.WarehouseTestRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every parameter that names something (customer, symbol, frame, chart, named query, ingest run)
 * is tried with a path traversal, an absolute path, a NUL byte, an over-long name and a Unicode
 * look-alike: each answer is a 4xx problem+json, never a 5xx. A body over the limit is 413.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
@ActingAs(Roles.ADMIN)
class HostileInputIT {

  /** The hostile names; the last two use a Cyrillic А / с that looks like the Latin letter. */
  private static final List<String> HOSTILE = List.of("../x", "/etc/passwd", "a\u0000b", "A".repeat(300),
      "\u0410APL", "\u0441hurn_model");

  @TestHTTPResource("/customers/import") URL importUrl;

  @TestHTTPResource("/customers/BIG-1") URL customerUrl;

  private static void refusedForEveryHostileName(String what, Function<String, Response> call) {
    for (String name : HOSTILE) {
      Response response = call.apply(name);
      assertThat(response.statusCode()).as("%s with %s", what, printable(name)).isBetween(400, 499);
      assertThat(response.contentType()).as("%s with %s", what, printable(name)).startsWith("application/problem+json");
    }
  }

  private static String printable(String name) {
    return name.length() > 20 ? name.substring(0, 20) + "…(" + name.length() + ")" : name.replace("\u0000", "\\0");
  }

  @Test
  void customerIdsInPathsAndQueriesAreRefused() {
    refusedForEveryHostileName("GET /customers/{id}", id -> given().get("/customers/{id}", id));
    refusedForEveryHostileName("GET /customers/{id}/usage", id -> given().get("/customers/{id}/usage", id));
    refusedForEveryHostileName("PUT /customers/{id}", id -> given().contentType(ContentType.JSON)
        .body(SecurityIT.CUSTOMER_BODY).put("/customers/{id}", id));
    refusedForEveryHostileName("GET /customers?after=", id -> given().queryParam("after", id).get("/customers"));
    refusedForEveryHostileName("GET /customer-features?customerId=",
        id -> given().queryParam("customerId", id).get("/customer-features"));
    refusedForEveryHostileName("GET /customer-features?cursor=",
        id -> given().queryParam("cursor", id).get("/customer-features"));
  }

  private static final String CSV_HEADER = "customer_id,churn,female,senior_citizen,partner,dependents,tenure,"
      + "phone_service,multiple_lines,internet_service,online_security,online_backup,device_protection,tech_support,"
      + "streaming_tv,streaming_movies,contract,paperless_billing,payment_method,monthly_charges,total_charges";

  private static Response importOne(String customerId) {
    return given().contentType("text/csv").body(CSV_HEADER + "\n" + customerId
        + ",0,1,0,1,0,1,0,No phone service,DSL,No,Yes,No,No,No,No,Month-to-month,1,Electronic check,29.85,29.85\n")
        .post("/customers/import");
  }

  @Test
  void aCustomerIdInsideAnImportedCsvIsRefused() {
    // the same line with a good id is accepted, so the refusals below are about the id alone
    assertThat(importOne("HOSTILE-CONTROL").statusCode()).isEqualTo(200);
    refusedForEveryHostileName("POST /customers/import", HostileInputIT::importOne);
  }

  @Test
  void chartNamesSeriesAndFramesAreRefused() {
    refusedForEveryHostileName("GET /charts/{name}", name -> given().get("/charts/{name}", name));
    refusedForEveryHostileName("GET /charts/close?series=", symbol -> given().queryParam("series", symbol)
        .get("/charts/close"));
    refusedForEveryHostileName("GET /charts/usage?series=", customer -> given().queryParam("series", customer)
        .get("/charts/usage"));
    refusedForEveryHostileName("GET /charts/close?frame=", frame -> given().queryParam("frame", frame)
        .get("/charts/close"));
  }

  @Test
  void namedQueryNamesAndTheirFrameParameterAreRefused() {
    refusedForEveryHostileName("POST /queries/{name}", name -> given().contentType(ContentType.JSON).body("{}")
        .post("/queries/{name}", name));
    refusedForEveryHostileName("POST /queries/top-symbols frame", frame -> given().contentType(ContentType.JSON)
        .body(Map.of("frame", frame)).post("/queries/top-symbols"));
  }

  @Test
  void ingestRunIdsAreRefused() {
    refusedForEveryHostileName("GET /ops/runs/{id}", id -> given().get("/ops/runs/{id}", id));
  }

  @Test
  void numbersThatReachSqlMustBeIntegers() {
    for (String path : List.of("/customers/sample?n=", "/customers?limit=", "/ops/runs?limit=",
        "/ops/file-ingestions?limit=", "/customer-features?limit=")) {
      Response response = given().get(path + "1%20ROWS)%3B%20DROP%20TABLE%20silver.customers%3B--");
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.contentType()).as(path).startsWith("application/problem+json");
    }
  }

  @Test
  void aBodyJustOverTheFourMegabyteLimitIs413() throws Exception {
    byte[] body = new byte[4 * 1024 * 1024 + 1];
    Arrays.fill(body, (byte) 'a');
    // Expect: 100-continue lets the server refuse on Content-Length before the client has sent it all
    // (otherwise the refusal races the upload and the client sees a broken pipe instead of the status)
    HttpRequest request = HttpRequest.newBuilder(customerUrl.toURI()).expectContinue(true)
        .header("Content-Type", "application/json").header("Authorization", TestTokens.bearer(Roles.OPERATOR))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    assertRefusedAsTooLarge(request);
  }

  @Test
  void anImportOverItsOwnLimitIs413BeforeItIsRead() throws Exception {
    long importLimit = 256L * 1024 * 1024;
    // the body is never produced: the server refuses on the declared length, before it sends 100 Continue
    HttpRequest request = HttpRequest.newBuilder(importUrl.toURI()).expectContinue(true)
        .header("Content-Type", "text/csv").header("Authorization", TestTokens.bearer(Roles.OPERATOR))
        .POST(HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(() -> InputStream.nullInputStream()), importLimit + 1))
        .build();
    assertRefusedAsTooLarge(request);
  }

  private static void assertRefusedAsTooLarge(HttpRequest request) throws Exception {
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(413);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(answer.body()).contains("\"status\":413");
    }
  }

  @Test
  void aBodyJustUnderTheLimitIsReadAndJudgedOnItsContent() {
    byte[] body = new byte[4 * 1024 * 1024 - 1024];
    Arrays.fill(body, (byte) 'a');
    given().contentType("text/csv").body(body).post("/customers/import").then().statusCode(422)
        .contentType("application/problem+json");
  }
}
