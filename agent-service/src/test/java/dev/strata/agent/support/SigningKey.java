package dev.strata.agent.support;

import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Signs the tokens of {@code POST /auth/token} with the test key pair the app already trusts. */
public class SigningKey implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of("smallrye.jwt.sign.key.location", TestTokens.privateKeyLocation());
  }

  @Override
  public void stop() {}
}
