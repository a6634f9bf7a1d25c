package dev.strata.agent.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.domain.access.LoginAttempts;
import dev.strata.agent.domain.access.Logins;
import dev.strata.agent.domain.access.Logins.Login;
import dev.strata.agent.domain.access.PasswordHasher;
import dev.strata.agent.domain.access.TokenIssuer.IssuedToken;
import dev.strata.agent.application.DirectUnitOfWork;
import dev.strata.agent.domain.shared.UnitOfWork;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class SignInTest {

  private final PasswordHasher hasher = new PasswordHasher() {
    @Override
    public String hash(String password) {
      return "h:" + password;
    }

    @Override
    public boolean matches(String password, String hash) {
      return hash.equals("h:" + password);
    }
  };
  private final Map<String, Integer> failures = new HashMap<>();
  private final LoginAttempts attempts = new LoginAttempts() {
    @Override
    public CompletionStage<Boolean> blocked(String username) {
      return CompletableFuture.completedFuture(failures.getOrDefault(username, 0) >= 2);
    }

    @Override
    public CompletionStage<Void> failed(String username) {
      failures.merge(username, 1, Integer::sum);
      return CompletableFuture.completedFuture(null);
    }
  };
  private final UnitOfWork unitOfWork = new DirectUnitOfWork();
  private final Logins logins = username -> CompletableFuture.completedFuture(
      username.equals("ada") ? Optional.of(new Login("ada", "h:secret", Set.of("reader"))) : Optional.empty());
  private final SignIn signIn = new SignIn(logins, null, hasher, attempts,
      (subject, roles) -> new IssuedToken("token-of-" + subject + "-" + roles, 60), unitOfWork);

  @Test
  void theRightPasswordGivesATokenWithTheUsersRoles() {
    assertThat(signIn.withPassword("ada", "secret").await().indefinitely().accessToken()).isEqualTo("token-of-ada-[reader]");
  }

  @Test
  void aWrongPasswordAndAnUnknownUserAreRefusedAlikeAndCounted() {
    assertThatThrownBy(() -> signIn.withPassword("ada", "guess").await().indefinitely()).isInstanceOf(SignInRefused.class);
    assertThatThrownBy(() -> signIn.withPassword("bob", "secret").await().indefinitely()).isInstanceOf(SignInRefused.class);
    assertThat(failures).containsEntry("ada", 1).containsEntry("bob", 1);
  }

  @Test
  void aBlockedUsernameIsRefusedEvenWithTheRightPassword() {
    failures.put("ada", 2);
    assertThatThrownBy(() -> signIn.withPassword("ada", "secret").await().indefinitely()).isInstanceOf(TooManyAttempts.class);
  }
}
