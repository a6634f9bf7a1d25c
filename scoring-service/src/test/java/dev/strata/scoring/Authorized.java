package dev.strata.scoring;

import dev.strata.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/**
 * Makes every RestAssured request of a test carry a real bearer token signed by the key the app
 * under test trusts, so the ITs call the endpoints exactly as a client with that role would.
 */
public final class Authorized {

  private Authorized() {}

  public static void as(String role) {
    RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", TestTokens.bearer(role)).build();
  }

  public static void reset() {
    RestAssured.requestSpecification = null;
  }
}
