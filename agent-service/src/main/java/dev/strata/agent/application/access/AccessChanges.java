package dev.strata.agent.application.access;

import dev.strata.agent.application.Async;
import dev.strata.agent.domain.access.ApiKey;
import dev.strata.agent.domain.access.ApiKeys;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.user.User;
import dev.strata.agent.domain.user.Users;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Changes to who may do what that take tokens back, each in one unit of work with its revocation: a
 * user's roles, username or password changed, a user deleted, an API key revoked. Their tokens stop
 * working on every service within seconds instead of at their expiry.
 */
public final class AccessChanges {

  private final Users users;
  private final ApiKeys apiKeys;
  private final RevokeTokens revoke;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public AccessChanges(Users users, ApiKeys apiKeys, RevokeTokens revoke, UnitOfWork unitOfWork, Clock clock) {
    this.users = users;
    this.apiKeys = apiKeys;
    this.revoke = revoke;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  /** Load → revise → save; a revision that changes what the user's tokens say or prove revokes them. */
  public Uni<User> reviseUser(UUID id, Function<User, User> revision) {
    return Async.uni(() -> unitOfWork.write(() -> user(id).thenCompose(current -> {
      User revised = revision.apply(current);
      return users.update(revised).thenCompose(saved -> tokensChanged(current, saved) ? revokeUser(current).thenApply(x -> saved)
          : CompletableFuture.completedFuture(saved));
    })));
  }

  public Uni<Void> deleteUser(UUID id) {
    return Async.uni(() -> unitOfWork.write(() -> user(id).thenCompose(current -> users.delete(id).thenCompose(x -> revokeUser(current)))));
  }

  public Uni<ApiKey> revokeApiKey(UUID id) {
    return Async.uni(() -> unitOfWork.write(() -> apiKeys.get(id).thenCompose(found -> {
      ApiKey current = found.orElseThrow(() -> new DomainException.NotFound("api key " + id + " not found"));
      if (!current.active()) {
        return CompletableFuture.completedFuture(current);
      }
      return apiKeys.update(current.revoke(clock.instant())).thenCompose(saved -> revoke.of(SignIn.apiKeySubject(saved)).thenApply(x -> saved));
    })));
  }

  private CompletionStage<User> user(UUID id) {
    return users.get(id).thenApply(found -> found.orElseThrow(() -> new DomainException.NotFound("user " + id + " not found")));
  }

  // a user without a username never signed in: no token to take back
  private CompletionStage<Void> revokeUser(User user) {
    return user.username() == null ? CompletableFuture.completedFuture(null) : revoke.of(user.username());
  }

  private static boolean tokensChanged(User before, User after) {
    return !before.roles().equals(after.roles()) || !Objects.equals(before.username(), after.username())
        || !Objects.equals(before.passwordHash(), after.passwordHash());
  }
}
