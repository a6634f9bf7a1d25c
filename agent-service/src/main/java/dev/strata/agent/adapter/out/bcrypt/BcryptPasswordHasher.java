package dev.strata.agent.adapter.out.bcrypt;

import dev.strata.agent.adapter.out.vertx.CallerContextWorker;
import dev.strata.agent.domain.access.PasswordHasher;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;

/**
 * {@link PasswordHasher} with bcrypt (Elytron's {@code BcryptUtil}, cost 10, salted per hash), slow on
 * purpose, so it runs on Vert.x's worker pool ({@link CallerContextWorker}).
 */
public class BcryptPasswordHasher implements PasswordHasher {

  private final CallerContextWorker worker;
  private final Runnable onCheck;

  /** {@code onCheck} runs once per {@link #matches} check, when it runs (a metric). */
  public BcryptPasswordHasher(Vertx vertx, Runnable onCheck) {
    this.worker = new CallerContextWorker(vertx);
    this.onCheck = onCheck;
  }

  @Override
  public CompletionStage<String> hash(String password) {
    return worker.run(() -> BcryptUtil.bcryptHash(password));
  }

  @Override
  public CompletionStage<Boolean> matches(String password, String hash) {
    return worker.run(() -> {
      onCheck.run();
      try {
        return BcryptUtil.matches(password, hash);
      } catch (RuntimeException malformedHash) {
        // a damaged stored hash refuses the sign-in rather than failing the request
        return false;
      }
    });
  }
}
