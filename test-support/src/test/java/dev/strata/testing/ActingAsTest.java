package dev.strata.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.kernel.security.Roles;
import io.restassured.RestAssured;
import io.restassured.specification.FilterableRequestSpecification;
import java.io.IOException;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@ActingAs(Roles.OPERATOR)
class ActingAsTest {

  @AfterAll
  static void noTokenIsLeftOnceTheTestsAreOver() {
    assertNull(RestAssured.requestSpecification);
  }

  @Test
  void aTestSendsATokenOfItsClasssRole() throws IOException {
    assertEquals("test-operator", user());
  }

  @Test
  @ActingAs(Roles.ADMIN)
  void aMethodsRoleWinsOverItsClasss() throws IOException {
    assertEquals("test-admin", user());
  }

  @Nested
  class InANestedClass {

    @Test
    void aTestSendsATokenOfTheEnclosingClasssRole() throws IOException {
      assertEquals("test-operator", user());
    }
  }

  /** The user the token of every request names (TestTokens: {@code test-<role>}). */
  private static String user() throws IOException {
    String bearer = ((FilterableRequestSpecification) RestAssured.requestSpecification).getHeaders().getValue("Authorization");
    String payload = bearer.substring("Bearer ".length()).split("\\.")[1];
    return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload)).path("upn").asText();
  }
}
