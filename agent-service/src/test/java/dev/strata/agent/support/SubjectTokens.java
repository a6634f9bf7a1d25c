package dev.strata.agent.support;

import dev.strata.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.HeaderConfig;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/** Real tokens, signed with the key the app trusts, for a subject the test names (two users of one role are two people). */
public final class SubjectTokens {

  private SubjectTokens() {}

  public static String bearer(String subject, String... roles) {
    return "Bearer " + Jwt.issuer(TestTokens.ISSUER).upn(subject).subject(subject).groups(Set.of(roles)).expiresIn(3600)
        .sign(TestTokens.privateKeyLocation());
  }

  /** A request as {@code subject} holding {@code roles}. */
  public static RequestSpecification as(String subject, String... roles) {
    // replaces the token a test's default specification (Authorized) may carry
    var config = RestAssured.config().headerConfig(HeaderConfig.headerConfig().overwriteHeadersWithName("Authorization"));
    return RestAssured.given().config(config).header("Authorization", bearer(subject, roles));
  }
}
