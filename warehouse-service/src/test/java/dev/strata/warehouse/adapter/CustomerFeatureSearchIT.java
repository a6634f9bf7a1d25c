package dev.strata.warehouse.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.warehouse.WarehouseTestRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /customer-features/search: scoring-service asks for thousands of customers by id in a body. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
@ActingAs(Roles.OPERATOR)
class CustomerFeatureSearchIT {

  @BeforeEach
  void importTheTelcoSlice() throws IOException {
    given().contentType("text/csv").body(CustomersIT.telcoSlice()).post("/customers/import").then().statusCode(200);
  }

  @Test
  void severalThousandIdsInOneBodyAnswerEveryKnownCustomerInOnePage() {
    List<String> known = given().get("/customer-features?limit=10000").then().statusCode(200)
        .extract().jsonPath().getList("rows.customerId", String.class);
    List<String> ids = new ArrayList<>(known);
    IntStream.range(0, 6000).mapToObj(i -> "X%05d".formatted(i)).forEach(ids::add);

    List<String> found = given().contentType(ContentType.JSON).body(Map.of("customerIds", ids))
        .post("/customer-features/search").then().statusCode(200).body("nextCursor", equalTo(null))
        .extract().jsonPath().getList("rows.customerId", String.class);

    assertThat(ids).hasSizeGreaterThan(6000);
    assertThat(found).containsExactlyInAnyOrderElementsOf(known);
  }

  @Test
  void noIdsTooManyIdsOrABadIdAreInvalid() {
    for (List<String> ids : List.of(List.<String>of(), IntStream.range(0, 10_001).mapToObj(i -> "C%05d".formatted(i)).toList(),
        List.of("C00002", "not an id"))) {
      given().contentType(ContentType.JSON).body(Map.of("customerIds", ids)).post("/customer-features/search")
          .then().statusCode(422).contentType("application/problem+json");
    }
  }
}
