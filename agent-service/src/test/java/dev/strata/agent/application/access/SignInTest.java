package dev.strata.agent.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.application.DirectUnitOfWork;
import dev.strata.agent.domain.access.LoginAttempts;
import dev.strata.agent.domain.access.Logins;
import dev.strata.agent.domain.access.Logins.Login;
import dev.strata.agent.domain.access.PasswordHasher;
import dev.strata.agent.domain.access.TokenIssuer.IssuedToken;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.error.DomainException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignInTest {

  private final AtomicInteger hashChecks = new AtomicInteger();
  private final PasswordHasher hasher = new PasswordHasher() {
    @Override
    public CompletionStage<String> hash(String password) {
      return CompletableFuture.completedFuture("h:" + password);
    }

    @Override
    public CompletionStage<Boolean> matches(String password, String hash) {
      hashChecks.incrementAndGet();
      return CompletableFuture.completedFuture(hash.equals("h:" + password));
    }
  };
  /** Attempts per username+source; the limit is 2. */
  private final Map<String, Integer> attempts = new HashMap<>();
  private boolean counterDown;
  private final LoginAttempts counter = new LoginAttempts() {
    @Override
    public CompletionStage<Boolean> admit(String username, String source) {
      if (counterDown) {
        return CompletableFuture.failedFuture(new IllegalStateException("redis down"));
      }
      return CompletableFuture.completedFuture(attempts.merge(username + "@" + source, 1, Integer::sum) <= 2);
    }

    @Override
    public CompletionStage<Void> succeeded(String username, String source) {
      attempts.merge(username + "@" + source, -1, Integer::sum);
      return CompletableFuture.completedFuture(null);
    }
  };
  private final UnitOfWork unitOfWork = new DirectUnitOfWork();
  private final Logins logins = username -> CompletableFuture.completedFuture(
      username.equals("ada") ? Optional.of(new Login("ada", "h:secret", Set.of("reader"))) : Optional.empty());
  private final SignIn signIn = new SignIn(logins, null, hasher, counter,
      (subject, roles, lifetime) -> new IssuedToken(subject, "token-of-" + subject + "-" + roles, lifetime.toSeconds()), unitOfWork,
      new SignIn.Grants(Duration.ofHours(1), Duration.ofMinutes(15), Optional.of("a-service-secret")));

  @Test
  void theRightPasswordGivesATokenWithTheUsersRolesAndDoesNotCountAsAFailure() {
    assertThat(signIn.withPassword("ada", "secret", "10.0.0.1").await().indefinitely().accessToken()).isEqualTo("token-of-ada-[reader]");
    assertThat(attempts).containsEntry("ada@10.0.0.1", 0);
  }

  @Test
  void aWrongPasswordAndAnUnknownUserAreRefusedAlikeAndCounted() {
    assertThatThrownBy(() -> signIn.withPassword("ada", "guess", "10.0.0.1").await().indefinitely()).isInstanceOf(SignInRefused.class);
    assertThatThrownBy(() -> signIn.withPassword("bob", "secret", "10.0.0.1").await().indefinitely()).isInstanceOf(SignInRefused.class);
    assertThat(attempts).containsEntry("ada@10.0.0.1", 1).containsEntry("bob@10.0.0.1", 1);
  }

  @Test
  void anAttemptOverTheLimitIsRefusedWithoutCheckingThePassword() {
    attempts.put("ada@10.0.0.1", 2);
    assertThatThrownBy(() -> signIn.withPassword("ada", "secret", "10.0.0.1").await().indefinitely()).isInstanceOf(TooManyAttempts.class);
    assertThat(hashChecks).hasValue(0);
    assertThat(signIn.withPassword("ada", "secret", "10.0.0.2").await().indefinitely().accessToken()).isEqualTo("token-of-ada-[reader]");
  }

  @Test
  void withoutTheCounterAPasswordSignInIsRefusedNotAllowed() {
    counterDown = true;
    assertThatThrownBy(() -> signIn.withPassword("ada", "secret", "10.0.0.1").await().indefinitely()).isInstanceOf(SignInUnavailable.class);
    assertThat(hashChecks).hasValue(0);
  }

  @Test
  void aPasswordLongerThanBcryptReadsIsInvalidNotTruncated() {
    String seventyThreeBytes = "ä".repeat(36) + "x";
    assertThatThrownBy(() -> signIn.withPassword("ada", seventyThreeBytes, "10.0.0.1").await().indefinitely())
        .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("72 bytes");
    assertThat(attempts).isEmpty();
  }

  @Test
  void aServiceWithTheSharedSecretGetsAServiceTokenAndAWrongSecretOrNoneConfiguredIsRefused() {
    IssuedToken token = signIn.asService("scoring-service", "a-service-secret");
    assertThat(token.accessToken()).isEqualTo("token-of-service:scoring-service-[service]");
    assertThat(token.expiresIn()).isEqualTo(900);
    assertThatThrownBy(() -> signIn.asService("scoring-service", "a-service-secreT")).isInstanceOf(SignInRefused.class);
    assertThatThrownBy(() -> signIn.asService("scoring-service", null)).isInstanceOf(SignInRefused.class);
    var withoutSecret = new SignIn(logins, null, hasher, counter, (subject, roles, lifetime) -> new IssuedToken(subject, "t", 1), unitOfWork,
        new SignIn.Grants(Duration.ofHours(1), Duration.ofMinutes(15), Optional.empty()));
    assertThatThrownBy(() -> withoutSecret.asService("scoring-service", "")).isInstanceOf(SignInRefused.class);
  }
}
