package dev.strata.warehouse.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.warehouse.WarehouseTestRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
@ActingAs(Roles.OPERATOR)
class CustomersIT {

  static String telcoSlice() throws IOException {
    try (InputStream in = CustomersIT.class.getResourceAsStream("/telco-churn-slice.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void importTheTelcoSlice() throws IOException {
    given().contentType("text/csv").body(telcoSlice()).post("/customers/import")
        .then().statusCode(200).body("imported", equalTo(200));
  }

  @Test
  void anImportedCustomerIsReadBackIncludingAnUnknownTotalCharge() {
    given().get("/customers/C00002").then().statusCode(200)
        .body("tenure", equalTo(34)).body("contract", equalTo("One year"))
        .body("totalCharges", equalTo(1889.5f)).body("churned", equalTo(false));
    given().get("/customers/C00489").then().statusCode(200).body("totalCharges", nullValue());
  }

  @Test
  void anUnknownCustomerIs404AndABadIdIs422AsProblemJson() {
    given().get("/customers/C99999").then().statusCode(404).contentType("application/problem+json");
    given().get("/customers/not%20an%20id").then().statusCode(422).contentType("application/problem+json");
  }

  @Test
  void activeCustomersAreThoseWithoutChurn() {
    List<Boolean> churned = given().get("/customers?active=true&limit=1000").then().statusCode(200)
        .extract().jsonPath().getList("churned", Boolean.class);
    // 154 of the slice have not churned; a customer upserted by another test may be active too
    assertThat(churned).hasSizeGreaterThanOrEqualTo(154).doesNotContain(true);
  }

  @Test
  void theSampleIsClampedToAHundredAndOnlyTakesAnInteger() {
    given().get("/customers/sample?n=5").then().statusCode(200).body("$", hasSize(5));
    given().get("/customers/sample?n=100000").then().statusCode(200).body("$", hasSize(100));
    given().get("/customers/sample?n=0").then().statusCode(200).body("$", hasSize(1));
    given().get("/customers/sample?n=5%20ROWS)%3B%20DROP%20TABLE%20x").then().statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void putUpsertsACustomerAndRejectsAnUnknownContract() {
    String body = """
        {"female":true,"seniorCitizen":false,"partner":true,"dependents":false,"tenure":3,"phoneService":true,
         "multipleLines":"No","internetService":"DSL","onlineSecurity":"No","onlineBackup":"No",
         "deviceProtection":"No","techSupport":"No","streamingTv":"No","streamingMovies":"No",
         "contract":"%s","paperlessBilling":true,"paymentMethod":"Mailed check","monthlyCharges":30.0,
         "totalCharges":90.0,"churned":null,"churnDate":null}""";
    given().contentType(ContentType.JSON).body(body.formatted("Month-to-month")).put("/customers/NEW-1")
        .then().statusCode(200).body("customerId", equalTo("NEW-1"));
    given().get("/customers/NEW-1").then().statusCode(200).body("tenure", equalTo(3));

    given().contentType(ContentType.JSON).body(body.formatted("Forever")).put("/customers/NEW-1")
        .then().statusCode(422).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body("{\"female\":true}").put("/customers/NEW-1")
        .then().statusCode(422).contentType("application/problem+json");
  }

  @Test
  void aMalformedCsvIsRejectedNamingTheLine() {
    String csv = String.join(",", "customer_id,churn,female,senior_citizen,partner,dependents,tenure,phone_service,"
        + "multiple_lines,internet_service,online_security,online_backup,device_protection,tech_support,streaming_tv,"
        + "streaming_movies,contract,paperless_billing,payment_method,monthly_charges,total_charges\nX1,No,0,0,0,0,abc");
    given().contentType("text/csv").body(csv).post("/customers/import")
        .then().statusCode(422).contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("line 2"));
  }

  @Test
  void customerFeaturesArePagedWithAStableFeatureOrder() {
    var first = given().get("/customer-features?limit=150").then().statusCode(200).extract().jsonPath();
    List<String> names = first.getList("featureNames");
    assertThat(names).startsWith("tenure", "monthly_charges").contains("usage_events_30d");
    assertThat(first.getList("rows")).hasSize(150);
    assertThat(first.getList("rows[0].values")).hasSameSizeAs(names);
    String cursor = first.getString("nextCursor");

    var second = given().queryParam("limit", 150).queryParam("cursor", cursor).get("/customer-features")
        .then().statusCode(200).extract().jsonPath();
    assertThat(second.getList("rows.customerId", String.class)).isNotEmpty().allMatch(id -> id.compareTo(cursor) > 0);
  }

  @Test
  void customerFeaturesCanBeAskedForByIdOrForActiveCustomers() {
    given().get("/customer-features?customerId=C00002&customerId=C00003").then().statusCode(200)
        .body("rows.customerId", org.hamcrest.Matchers.contains("C00002", "C00003"))
        .body("rows[1].churned", equalTo(true)).body("nextCursor", nullValue());
    List<Boolean> churned = given().get("/customer-features?active=true&limit=10000").then().statusCode(200)
        .extract().jsonPath().getList("rows.churned", Boolean.class);
    assertThat(churned).isNotEmpty().doesNotContain(true);
    given().get("/customer-features?limit=10001").then().statusCode(422);
  }

  @Test
  void namedQueriesAnswerAndRejectUnknownNamesAndBadParameters() {
    given().contentType(ContentType.JSON).body("{\"limit\":3}").post("/queries/active-customers")
        .then().statusCode(200).body("name", equalTo("active-customers")).body("rows", hasSize(3));
    given().contentType(ContentType.JSON).body("{}").post("/queries/at-risk-customers")
        .then().statusCode(200).body("rows", hasSize(20))
        .body("rows[0].contract", equalTo("Month-to-month")).body("columns", org.hamcrest.Matchers.hasItem("risk_points"));
    given().contentType(ContentType.JSON).body("{}").post("/queries/top-symbols").then().statusCode(200);
    given().contentType(ContentType.JSON).body("{}").post("/queries/no-such-query")
        .then().statusCode(404).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body("{\"limit\":\"ten\"}").post("/queries/active-customers")
        .then().statusCode(422).contentType("application/problem+json");
  }
}
