package dev.strata.warehouse.adapter;

import dev.strata.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/**
 * Makes every RestAssured request of a test carry a real bearer token, signed by the key the app
 * under test trusts, so the ITs call the endpoints exactly as another service or the UI would.
 */
final class Authorized {

  private Authorized() {}

  static void as(String role) {
    RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", TestTokens.bearer(role)).build();
  }

  static void reset() {
    RestAssured.requestSpecification = null;
  }
}
