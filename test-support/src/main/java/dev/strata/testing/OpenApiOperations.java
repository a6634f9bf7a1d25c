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
    Map<String, Map<String, Object>> paths = paths();
    Set<String> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    paths.values().forEach(operations -> operations.values().forEach(operation -> {
      if (operation instanceof Map<?, ?> fields && fields.get("operationId") instanceof String id && !seen.add(id)) {
        duplicates.add(id);
      }
    }));
    return duplicates;
  }

  /**
   * What a client cannot learn from the document: each operation without a summary of its own, or without an
   * error answer whose body is a problem detail ({@code application/problem+json}), as "METHOD /path: what".
   */
  public static List<String> unexplained() {
    List<String> unexplained = new ArrayList<>();
    paths().forEach((path, operations) -> operations.forEach((method, operation) -> {
      if (!(operation instanceof Map<?, ?> fields)) {
        return;
      }
      String where = method.toUpperCase(java.util.Locale.ROOT) + " " + path + ": ";
      if (!(fields.get("summary") instanceof String summary) || summary.isBlank()) {
        unexplained.add(where + "no summary");
      }
      boolean problems = fields.get("responses") instanceof Map<?, ?> responses && responses.entrySet().stream()
          .anyMatch(response -> String.valueOf(response.getKey()).matches("[45]\\d\\d") && response.getValue() instanceof Map<?, ?> answer
              && answer.get("content") instanceof Map<?, ?> content && content.containsKey("application/problem+json"));
      if (!problems) {
        unexplained.add(where + "no application/problem+json error answer");
      }
    }));
    return unexplained;
  }

  private static Map<String, Map<String, Object>> paths() {
    return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
  }
}
