package dev.strata.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations of a service's OpenAPI document, as a client generator sees them. */
public final class OpenApiOperations {

  private OpenApiOperations() {}

  /**
   * Operation ids used by more than one operation; a generated client cannot name such methods, and
   * SmallRye only warns about them at build time.
   */
  public static List<String> duplicateIds() {
    Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
        .then().statusCode(200).extract().jsonPath().getMap("paths");
    Set<String> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    paths.values().forEach(operations -> operations.values().forEach(operation -> {
      if (operation instanceof Map<?, ?> fields && fields.get("operationId") instanceof String id && !seen.add(id)) {
        duplicates.add(id);
      }
    }));
    return duplicates;
  }
}
