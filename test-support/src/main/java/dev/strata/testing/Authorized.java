package dev.strata.testing;

import dev.strata.kernel.security.Roles;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HeaderConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * Makes every RestAssured request of a test carry a real bearer token signed by the key the app
 * under test trusts, so the ITs call the endpoints exactly as a client with that role would. A test
 * class or method that acts as one role throughout says so with {@link ActingAs}; the methods here
 * are for tests whose role changes mid-test.
 */
public final class Authorized {

  private Authorized() {}

  /**
   * Later requests send {@code Authorization: Bearer <token with role>}, and only that one: under
   * {@code @QuarkusTest} the token {@link ActingAs} set before the test is merged into each request too, so
   * a request carried both (the first won) until this spec overwrote the header by name.
   */
  public static void as(String role) {
    RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", TestTokens.bearer(role))
        .setConfig(RestAssuredConfig.config().headerConfig(HeaderConfig.headerConfig().overwriteHeadersWithName("Authorization", "Accept", "Content-Type")))
        .build();
  }

  /** As {@link #as} with the highest role. */
  public static void asAdmin() {
    as(Roles.ADMIN);
  }

  /** Requests send no token again (for tests that set their own headers). */
  public static void reset() {
    RestAssured.requestSpecification = null;
  }
}
