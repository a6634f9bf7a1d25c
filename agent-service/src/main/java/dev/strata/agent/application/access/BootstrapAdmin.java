package dev.strata.agent.application.access;

import dev.strata.agent.application.Async;
import dev.strata.agent.domain.access.PasswordHasher;
import dev.strata.agent.domain.access.Passwords;
import dev.strata.agent.domain.shared.Query;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.user.User;
import dev.strata.agent.domain.user.Users;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Creates the first administrator ({@code admin}) when none exists, so a fresh installation can be
 * signed in to. Two replicas starting together race on the unique username; the loser finds it done.
 */
public final class BootstrapAdmin {

  public static final String USERNAME = "admin";

  private final Users users;
  private final PasswordHasher hasher;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public BootstrapAdmin(Users users, PasswordHasher hasher, UnitOfWork unitOfWork, Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  /** True when it created the administrator, false when one already existed. */
  public Uni<Boolean> run(String password) {
    // a longer one would be truncated by bcrypt: the start fails instead
    Passwords.requireHashable(password);
    Query byUsername = new Query(Map.of("username", USERNAME), null, null, false, 0, 1);
    return Async.uni(() -> unitOfWork.read(() -> users.count(byUsername))).chain(count -> {
      if (count > 0) {
        return Uni.createFrom().item(false);
      }
      return Async.uni(() -> hasher.hash(password))
          .map(hash -> User.create("admin@strata.local", "Administrator", "admin", USERNAME, Set.of(Roles.ADMIN), hash, clock.instant()))
          .chain(admin -> Async.uni(() -> unitOfWork.write(() -> users.create(admin)))).replaceWith(true)
          .onFailure(DomainException.Conflict.class).recoverWithItem(false);
    });
  }
}
