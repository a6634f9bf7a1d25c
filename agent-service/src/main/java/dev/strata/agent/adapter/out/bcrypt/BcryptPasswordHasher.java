package dev.strata.agent.adapter.out.bcrypt;

import dev.strata.agent.domain.access.PasswordHasher;
import io.quarkus.elytron.security.common.BcryptUtil;

/** {@link PasswordHasher} with bcrypt (Elytron's {@code BcryptUtil}, cost 10, salted per hash). */
public class BcryptPasswordHasher implements PasswordHasher {

  private final Runnable onCheck;

  /** {@code onCheck} runs once per {@link #matches} (a metric). */
  public BcryptPasswordHasher(Runnable onCheck) {
    this.onCheck = onCheck;
  }

  @Override
  public String hash(String password) {
    return BcryptUtil.bcryptHash(password);
  }

  @Override
  public boolean matches(String password, String hash) {
    onCheck.run();
    try {
      return BcryptUtil.matches(password, hash);
    } catch (RuntimeException malformedHash) {
      // a damaged stored hash refuses the sign-in rather than failing the request
      return false;
    }
  }
}
