package dev.strata.agent.adapter.in.rest.access;

import dev.strata.agent.application.access.SignInRefused;
import dev.strata.kernel.value.SafeName;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The name and secret of an {@code Authorization: Basic} header (RFC 7617); anything else is a refused sign-in. */
record BasicCredentials(String name, String secret) {

  // a service name and a secret of a few hundred characters at most: a longer header is not one of ours
  private static final int MAX_LENGTH = 1024;

  @Override
  public String toString() {
    return "BasicCredentials[" + name + "]";
  }

  static BasicCredentials parse(String header) {
    if (header == null || header.length() > MAX_LENGTH || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw new SignInRefused("service");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new SignInRefused("service");
    }
    int colon = decoded.indexOf(':');
    if (colon < 1 || !SafeName.IDENTIFIER.accepts(decoded.substring(0, colon))) {
      throw new SignInRefused("service");
    }
    return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
  }
}
