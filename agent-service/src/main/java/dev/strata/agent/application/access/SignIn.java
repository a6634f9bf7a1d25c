package dev.strata.agent.application.access;

import dev.strata.agent.application.Async;
import dev.strata.agent.domain.access.ApiKey;
import dev.strata.agent.domain.access.ApiKeys;
import dev.strata.agent.domain.access.LoginAttempts;
import dev.strata.agent.domain.access.Logins;
import dev.strata.agent.domain.access.Logins.Login;
import dev.strata.agent.domain.access.PasswordHasher;
import dev.strata.agent.domain.access.Passwords;
import dev.strata.agent.domain.access.TokenIssuer;
import dev.strata.agent.domain.access.TokenIssuer.IssuedToken;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Exchanges a username and password, an API key, or a service's name and the shared service secret,
 * for a signed bearer token. Failures are one {@link SignInRefused} whatever went wrong. Each password attempt is counted before its password is
 * checked; one over a limit is refused with {@link TooManyAttempts} without a hash check, and when
 * the counter cannot answer with {@link SignInUnavailable}.
 */
public final class SignIn {

  /**
   * Lifetimes of the tokens issued to people and machines and to services; the service secret with
   * which a Strata service gets its own token (none: no service tokens are issued).
   */
  public record Grants(Duration tokenLifetime, Duration serviceTokenLifetime, Optional<String> serviceSecret) {}

  private final Logins logins;
  private final ApiKeys apiKeys;
  private final PasswordHasher hasher;
  private final LoginAttempts attempts;
  private final TokenIssuer issuer;
  private final UnitOfWork unitOfWork;
  private final Grants grants;
  // compared against when the user is unknown, so both cases take one bcrypt check; null until hashed
  private volatile String decoyHash;

  public SignIn(Logins logins, ApiKeys apiKeys, PasswordHasher hasher, LoginAttempts attempts, TokenIssuer issuer,
      UnitOfWork unitOfWork, Grants grants) {
    this.logins = logins;
    this.apiKeys = apiKeys;
    this.hasher = hasher;
    this.attempts = attempts;
    this.issuer = issuer;
    this.unitOfWork = unitOfWork;
    this.grants = grants;
    // hashed now, without waiting: the bean may be built on the event loop, which must not wait for a worker
    hasher.hash(decoyPassword()).thenAccept(hash -> decoyHash = hash);
  }

  /** {@code source}: the client's address, counted as well as the username. */
  public Uni<IssuedToken> withPassword(String username, String password, String source) {
    Passwords.requireHashable(password);
    return Async.uni(() -> attempts.admit(username, source)).onFailure().transform(SignInUnavailable::new).chain(admitted -> {
      if (!admitted) {
        return Uni.createFrom().failure(new TooManyAttempts(username));
      }
      return Async.uni(() -> unitOfWork.read(() -> logins.byUsername(username)))
          .chain(login -> verify(login, password))
          .chain(login -> login.isPresent()
              ? Async.uni(() -> attempts.succeeded(username, source)).onFailure().recoverWithNull()
                  .map(x -> issuer.issue(login.get().username(), login.get().roles(), grants.tokenLifetime()))
              : Uni.createFrom().failure(new SignInRefused(username)));
    });
  }

  public Uni<IssuedToken> withApiKey(String key) {
    return Async.uni(() -> unitOfWork.read(() -> apiKeys.byHash(Digests.sha256(key))))
        .map(found -> found.filter(ApiKey::active).orElseThrow(() -> new SignInRefused("api-key")))
        .map(apiKey -> issuer.issue(apiKeySubject(apiKey), apiKey.roles(), grants.tokenLifetime()));
  }

  /** A Strata service's own token (role {@code service}, subject {@code service:<name>}), for the shared service secret. */
  public IssuedToken asService(String service, String secret) {
    // digests of equal length, compared in constant time: the comparison tells nothing about the secret
    boolean known = grants.serviceSecret().filter(expected -> !expected.isBlank() && secret != null)
        .map(expected -> MessageDigest.isEqual(Digests.sha256(expected).getBytes(StandardCharsets.US_ASCII),
            Digests.sha256(secret).getBytes(StandardCharsets.US_ASCII)))
        .orElse(false);
    if (!known) {
      throw new SignInRefused("service:" + service);
    }
    return issuer.issue("service:" + service, Set.of(Roles.SERVICE), grants.serviceTokenLifetime());
  }

  /** The subject of an API key's tokens, which revoking the key revokes. */
  static String apiKeySubject(ApiKey key) {
    return "api-key:" + key.name();
  }

  // the hasher checks off the event loop and answers on this request's context
  private Uni<Optional<Login>> verify(Optional<Login> login, String password) {
    return login.map(found -> Uni.createFrom().item(found.passwordHash())).orElseGet(this::decoy)
        .chain(hash -> Async.uni(() -> hasher.matches(password, hash)))
        .map(matched -> matched ? login : Optional.<Login>empty());
  }

  /**
   * The decoy hash; a request that comes before the one started at construction is ready hashes its own
   * (never waiting on, or resuming on the context of, work another caller started).
   */
  private Uni<String> decoy() {
    String ready = decoyHash;
    if (ready != null) {
      return Uni.createFrom().item(ready);
    }
    return Async.uni(() -> hasher.hash(decoyPassword())).invoke(hash -> decoyHash = hash);
  }

  private static String decoyPassword() {
    return "decoy-" + System.nanoTime();
  }
}
