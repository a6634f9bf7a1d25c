package dev.strata.warehouse.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.warehouse.WarehouseTestRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code POST /customers/import} of a customer base far larger than one JSON body: streamed, all or nothing. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
@ActingAs(Roles.OPERATOR)
class CustomerImportIT {

  // ids after the Telco slice's, so the first pages other tests read stay the slice's
  private static final int LARGE = 200_000;
  private static final String HEADER = "customer_id,churn,female,senior_citizen,partner,dependents,tenure,"
      + "phone_service,multiple_lines,internet_service,online_security,online_backup,device_protection,tech_support,"
      + "streaming_tv,streaming_movies,contract,paperless_billing,payment_method,monthly_charges,total_charges\n";
  private static final String REST_OF_LINE =
      ",No,1,0,1,0,12,1,No,DSL,No,Yes,No,No,No,No,Month-to-month,1,Electronic check,29.85,358.2\n";

  private static byte[] csv(String prefix, int rows, int badLine) {
    StringBuilder csv = new StringBuilder(HEADER.length() + rows * 100).append(HEADER);
    for (int i = 1; i <= rows; i++) {
      // line i + 1 of the file holds customer i
      String rest = i + 1 == badLine ? REST_OF_LINE.replace("Month-to-month", "Forever") : REST_OF_LINE;
      csv.append(prefix).append(String.format(rows > 999_999 ? "%07d" : "%06d", i)).append(rest);
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static int customersHeld() {
    return given().get("/ops/layers").then().statusCode(200).extract().jsonPath().getInt("silver.customers");
  }

  @Test
  void aCustomerBaseOfTwoHundredThousandIsImportedInOneRequest() {
    int before = customersHeld();
    byte[] body = csv("ZBULK-", LARGE, -1);
    assertThat(body.length).as("larger than any other body may be").isGreaterThan(4 * 1024 * 1024);

    given().contentType("text/csv").body(body).post("/customers/import")
        .then().statusCode(200).body("imported", equalTo(LARGE));

    assertThat(customersHeld()).isEqualTo(before + LARGE);
    given().get("/customers/ZBULK-200000").then().statusCode(200).body("tenure", equalTo(12))
        .body("paymentMethod", equalTo("Electronic check")).body("totalCharges", equalTo(358.2f));
  }

  @Test
  void aMillionCustomersFitInOneRequest() {
    int before = customersHeld();
    byte[] body = csv("ZMILL-", 1_000_000, -1);

    given().contentType("text/csv").body(body).post("/customers/import")
        .then().statusCode(200).body("imported", equalTo(1_000_000));

    assertThat(customersHeld()).isEqualTo(before + 1_000_000);
    given().get("/customers/ZMILL-1000000").then().statusCode(200).body("contract", equalTo("Month-to-month"));
  }

  @Test
  void anImportOfNewAndKnownCustomersInsertsTheNewOnesAndReplacesTheKnownOnes() {
    int before = customersHeld();
    given().contentType("text/csv").body(HEADER + "ZMIX-1" + REST_OF_LINE + "ZMIX-2" + REST_OF_LINE).post("/customers/import")
        .then().statusCode(200).body("imported", equalTo(2));

    given().contentType("text/csv").body(HEADER + "ZMIX-2" + REST_OF_LINE.replace(",12,", ",40,") + "ZMIX-3" + REST_OF_LINE)
        .post("/customers/import").then().statusCode(200).body("imported", equalTo(2));

    assertThat(customersHeld()).isEqualTo(before + 3);
    given().get("/customers/ZMIX-1").then().statusCode(200).body("tenure", equalTo(12));
    given().get("/customers/ZMIX-2").then().statusCode(200).body("tenure", equalTo(40));
    given().get("/customers/ZMIX-3").then().statusCode(200).body("tenure", equalTo(12));
  }

  @Test
  void oneBadRowRejectsTheWholeImportNamingItsLine() {
    int before = customersHeld();

    given().contentType("text/csv").body(csv("ZHALF-", LARGE, 150_001)).post("/customers/import")
        .then().statusCode(422).contentType("application/problem+json")
        .body("detail", containsString("line 150001")).body("detail", containsString("'Forever'"));

    assertThat(customersHeld()).isEqualTo(before);
    given().get("/customers/ZHALF-000001").then().statusCode(404);
  }

  @Test
  void aCustomerTwiceInOneImportRejectsItWhole() {
    int before = customersHeld();
    String body = HEADER + "ZTWICE-1" + REST_OF_LINE + "ZTWICE-2" + REST_OF_LINE + "ZTWICE-1" + REST_OF_LINE;

    given().contentType("text/csv").body(body).post("/customers/import")
        .then().statusCode(422).contentType("application/problem+json")
        .body("detail", containsString("customer ZTWICE-1 appears twice"));

    assertThat(customersHeld()).isEqualTo(before);
  }

  @Test
  void quotedFieldsAreReadWholeWithTheirCommasAndQuotes() {
    String quoted = HEADER + "\"ZQUOTED-1\",No,1,0,1,0,12,1,No,DSL,No,Yes,No,No,No,No,\"Month-to-month\",1,"
        + "\"Bank transfer (automatic)\",29.85,358.2\r\n";
    given().contentType("text/csv").body(quoted).post("/customers/import")
        .then().statusCode(200).body("imported", equalTo(1));
    given().get("/customers/ZQUOTED-1").then().statusCode(200)
        .body("paymentMethod", equalTo("Bank transfer (automatic)"));

    // a comma inside quotes stays in its field: the line still has 21 fields and the value is named whole
    String comma = HEADER + "ZQUOTED-2,No,1,0,1,0,12,1,No,DSL,No,Yes,No,No,No,No,Month-to-month,1,"
        + "\"Cheque, \"\"posted\"\"\",29.85,358.2\n";
    given().contentType("text/csv").body(comma).post("/customers/import")
        .then().statusCode(422).contentType("application/problem+json")
        .body("detail", containsString("line 2: paymentMethod must be one of"))
        .body("detail", containsString("was 'Cheque, \"posted\"'"));
  }
}
