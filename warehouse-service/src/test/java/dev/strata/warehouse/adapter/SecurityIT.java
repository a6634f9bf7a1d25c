package dev.strata.warehouse.adapter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import dev.strata.warehouse.WarehouseTestRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Per resource class: no token is 401 problem+json, a token of too weak a role 403, the least role
 * an endpoint names (or a higher one) gets through, and a token signed by an untrusted key is 401.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
class SecurityIT {

  /** A validly signed token whose role the platform does not know: it may read nothing. */
  private static final String NO_KNOWN_ROLE = "guest";

  static final String CUSTOMER_BODY = """
      {"female":true,"seniorCitizen":false,"partner":true,"dependents":false,"tenure":3,"phoneService":true,
       "multipleLines":"No","internetService":"DSL","onlineSecurity":"No","onlineBackup":"No",
       "deviceProtection":"No","techSupport":"No","streamingTv":"No","streamingMovies":"No",
       "contract":"Month-to-month","paperlessBilling":true,"paymentMethod":"Mailed check","monthlyCharges":30.0,
       "totalCharges":90.0,"churned":null,"churnDate":null}""";

  private static RequestSpecification as(String role) {
    return given().header("Authorization", TestTokens.bearer(role));
  }

  private static RequestSpecification anonymous() {
    return given();
  }

  private static RequestSpecification signedByAnotherKey() {
    return given().header("Authorization", TestTokens.bearerSignedByAnotherKey(Roles.ADMIN));
  }

  private static void unauthenticated(ValidatableResponse response) {
    response.statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
        .body("status", equalTo(401));
  }

  private static void forbidden(ValidatableResponse response) {
    response.statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
  }

  /** The four cases for one endpoint: anonymous, foreign key, too weak a role, the least role that may. */
  private static ValidatableResponse guarded(Function<RequestSpecification, ValidatableResponse> call,
      String tooWeak, String leastAllowed) {
    unauthenticated(call.apply(anonymous()));
    unauthenticated(call.apply(signedByAnotherKey()));
    forbidden(call.apply(as(tooWeak)));
    return call.apply(as(leastAllowed));
  }

  @Test
  void customersAreReadByAReaderAndWrittenByAnOperator() throws IOException {
    String csv = CustomersIT.telcoSlice();
    guarded(r -> r.contentType("text/csv").body(csv).post("/customers/import").then(), Roles.READER, Roles.OPERATOR)
        .statusCode(200).body("imported", equalTo(200));
    as(Roles.SERVICE).contentType("text/csv").body(csv).post("/customers/import").then().statusCode(200);

    guarded(r -> r.contentType(ContentType.JSON).body(CUSTOMER_BODY).put("/customers/SEC-1").then(), Roles.READER,
        Roles.OPERATOR).statusCode(200).body("customerId", equalTo("SEC-1"));

    guarded(r -> r.get("/customers/SEC-1").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200)
        .body("tenure", equalTo(3));
    guarded(r -> r.get("/customers?limit=5").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    guarded(r -> r.get("/customers/sample?n=3").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    guarded(r -> r.get("/customers/SEC-1/usage").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
  }

  @Test
  void customerFeaturesAreReadByAReaderOrAService() {
    as(Roles.OPERATOR).contentType(ContentType.JSON).body(CUSTOMER_BODY).put("/customers/SEC-2").then().statusCode(200);

    guarded(r -> r.get("/customer-features?customerId=SEC-2").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200)
        .body("rows[0].customerId", equalTo("SEC-2"));
    as(Roles.SERVICE).get("/customer-features?customerId=SEC-2").then().statusCode(200);
  }

  @Test
  void namedQueriesAreReadsForAReader() {
    guarded(r -> r.contentType(ContentType.JSON).body("{\"limit\":5}").post("/queries/active-customers").then(),
        NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    as(Roles.SERVICE).contentType(ContentType.JSON).body("{}").post("/queries/at-risk-customers").then().statusCode(200);
  }

  @Test
  void promotionNeedsAnOperatorOrAService() {
    guarded(r -> r.post("/promotions").then(), Roles.READER, Roles.OPERATOR).statusCode(200);
    as(Roles.SERVICE).post("/promotions").then().statusCode(200);
  }

  @Test
  void opsReadModelsAreReadByAReader() {
    guarded(r -> r.get("/ops/runs").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    guarded(r -> r.get("/ops/runs/no-such-run").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(404);
    guarded(r -> r.get("/ops/file-ingestions").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    guarded(r -> r.get("/ops/layers").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    guarded(r -> r.get("/ops/promotions").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    guarded(r -> r.get("/ops/watermarks").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    guarded(r -> r.get("/ops/run-days").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    guarded(r -> r.post("/ops/file-ingestions/no-such-run/no-such-file/retry").then(), Roles.READER, Roles.OPERATOR)
        .statusCode(404);
    guarded(r -> r.get("/ops/compactions").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    guarded(r -> r.queryParam("partition", "frame=1d/symbol=NONE/date=2001").post("/ops/compactions").then(), Roles.READER,
        Roles.OPERATOR).statusCode(200);
  }

  @Test
  void chartSetsAreReadByAReaderAndWrittenByAnOperator() {
    String set = "{\"title\":\"Security\",\"charts\":[{\"measure\":\"close\"}]}";
    guarded(r -> r.contentType(ContentType.JSON).body(set).put("/chart-sets/security-set").then(), Roles.READER, Roles.OPERATOR)
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    guarded(r -> r.get("/chart-sets").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    guarded(r -> r.get("/chart-sets/security-set").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    guarded(r -> r.get("/chart-sets/security-set/charts").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200);
    guarded(r -> r.delete("/chart-sets/security-set").then(), Roles.READER, Roles.OPERATOR).statusCode(204);
  }

  @Test
  void chartsAreReadByAReader() {
    guarded(r -> r.get("/charts/close?frame=1d").then(), NO_KNOWN_ROLE, Roles.READER).statusCode(200)
        .body(org.hamcrest.Matchers.containsString("vega-lite/v5"));
  }

  @Test
  void healthMetricsAndOpenApiStayOpen() {
    anonymous().get("/q/health/ready").then().statusCode(200);
    anonymous().get("/q/metrics").then().statusCode(200);
    anonymous().get("/q/openapi").then().statusCode(200);
  }
}
