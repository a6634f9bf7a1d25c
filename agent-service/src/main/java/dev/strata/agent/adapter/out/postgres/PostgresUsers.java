package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.access.Logins;
import dev.strata.agent.domain.access.Logins.Login;
import dev.strata.agent.domain.access.SecurityRoles;
import dev.strata.agent.domain.user.User;
import dev.strata.agent.domain.user.Users;
import dev.strata.kernel.value.SafeName;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** {@link Users} and {@link Logins} on {@code agent.users}. */
public class PostgresUsers extends PanacheRepositoryAdapter<User, UserEntity> implements Users, Logins {

  public PostgresUsers() {
    super(UserEntity.class);
  }

  @Override
  protected User toDomain(UserEntity e) {
    return new User(e.id, e.email, e.name, e.role, e.username, SecurityRoles.split(e.roles), e.passwordHash, e.version,
        e.createdAt, e.updatedAt);
  }

  @Override
  protected void copy(User u, UserEntity e) {
    e.email = u.email();
    e.name = u.name();
    e.role = u.role();
    e.username = u.username();
    e.roles = SecurityRoles.join(u.roles());
    e.passwordHash = u.passwordHash();
    e.createdAt = u.createdAt();
    e.updatedAt = u.updatedAt();
  }

  @Override
  protected UserEntity newEntity() {
    return new UserEntity();
  }

  @Override
  protected UUID idOf(User u) {
    return u.id();
  }

  @Override
  protected long versionOf(User u) {
    return u.version();
  }

  @Override
  protected Map<String, Function<String, Object>> filterable() {
    return Map.of("role", v -> {
      if (!User.ROLES.contains(v)) {
        throw new IllegalArgumentException(v);
      }
      return v;
    }, "username", v -> {
      if (!SafeName.IDENTIFIER.accepts(v)) {
        throw new IllegalArgumentException(v);
      }
      return v;
    });
  }

  @Override
  protected Set<String> sortable() {
    return Set.of("name", "email", "createdAt", "updatedAt");
  }

  @Override
  public CompletionStage<Optional<Login>> byUsername(String username) {
    return session().chain(s -> s.createSelectionQuery("from UserEntity e where e.username = :username and e.passwordHash is not null",
            UserEntity.class).setParameter("username", username).getSingleResultOrNull())
        .map(e -> Optional.ofNullable(e).map(found -> new Login(found.username, found.passwordHash, SecurityRoles.split(found.roles))))
        .subscribeAsCompletionStage();
  }
}
