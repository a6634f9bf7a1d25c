package dev.strata.agent.application.access;

import dev.strata.agent.application.Async;
import dev.strata.agent.application.CreateResource;
import dev.strata.agent.domain.access.PasswordHasher;
import dev.strata.agent.domain.access.Passwords;
import dev.strata.agent.domain.user.User;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Users created, revised and deleted by an administrator: the password hashed (bcrypt, slow on purpose: off the
 * event loop), the change saved (a revision or deletion that changes what the user's tokens say takes
 * them back, {@link AccessChanges}), and audited with who made it.
 */
public final class ManageUsers {

  /** What an administrator says about a user; a null password keeps the current one. */
  public record UserDetails(String email, String name, String role, String username, Set<String> roles, String password) {
    // the password must never reach a log line
    @Override
    public String toString() {
      return "UserDetails[" + email + ", " + username + "]";
    }
  }

  private final CreateResource<User> create;
  private final AccessChanges changes;
  private final PasswordHasher hasher;
  private final ActionAudit audit;
  private final Clock clock;

  public ManageUsers(CreateResource<User> create, AccessChanges changes, PasswordHasher hasher, ActionAudit audit,
      Clock clock) {
    this.create = create;
    this.changes = changes;
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
  }

  public Uni<User> create(String actor, UserDetails user) {
    return hashed(user.password())
        .chain(hash -> create.run(User.create(user.email(), user.name(), user.role(), user.username(), user.roles(), hash, clock.instant())))
        .invoke(saved -> audit.record(actor, "create-user", "user " + saved.id(), details(saved)));
  }

  /** @param version the version the administrator last read; another change since is a conflict */
  public Uni<User> revise(String actor, UUID id, UserDetails user, long version) {
    return hashed(user.password())
        .chain(hash -> changes.reviseUser(id, current -> current.revise(user.email(), user.name(), user.role(), user.username(),
            user.roles(), hash, version, clock.instant())))
        .invoke(saved -> {
          var details = new HashMap<>(details(saved));
          details.put("passwordChanged", String.valueOf(user.password() != null));
          audit.record(actor, "update-user", "user " + saved.id(), details);
        });
  }

  public Uni<Void> delete(String actor, UUID id) {
    return changes.deleteUser(id).invoke(deleted -> audit.record(actor, "delete-user", "user " + id, Map.of()));
  }

  // no password, no hash (kept on update)
  private Uni<String> hashed(String password) {
    if (password == null) {
      return Uni.createFrom().nullItem();
    }
    Passwords.requireHashable(password);
    return Async.uni(() -> hasher.hash(password));
  }

  private static Map<String, String> details(User user) {
    return Map.of("username", String.valueOf(user.username()), "roles", String.join(",", new TreeSet<>(user.roles())));
  }
}
