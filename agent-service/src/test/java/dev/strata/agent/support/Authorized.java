package dev.strata.agent.support;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/** Makes every RestAssured request of a test carry a real admin token (the highest role). */
public final class Authorized {

  private static final String ADMIN = TestTokens.bearer(Roles.ADMIN);

  private Authorized() {}

  /** Call from a {@code @BeforeEach}: later requests send {@code Authorization: Bearer <admin token>}. */
  public static void asAdmin() {
    RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", ADMIN).build();
  }

  /** Call from a {@code @BeforeEach} of a test that sends its own headers. */
  public static void anonymous() {
    RestAssured.requestSpecification = null;
  }
}
