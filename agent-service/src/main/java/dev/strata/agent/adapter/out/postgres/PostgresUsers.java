package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.user.User;
import dev.strata.agent.domain.user.Users;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** {@link Users} on {@code agent.users}. */
public class PostgresUsers extends PanacheRepositoryAdapter<User, UserEntity> implements Users {

  public PostgresUsers() {
    super(UserEntity.class);
  }

  @Override
  protected User toDomain(UserEntity e) {
    return new User(e.id, e.email, e.name, e.role, e.version, e.createdAt, e.updatedAt);
  }

  @Override
  protected void copy(User u, UserEntity e) {
    e.email = u.email();
    e.name = u.name();
    e.role = u.role();
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
    });
  }

  @Override
  protected Set<String> sortable() {
    return Set.of("name", "email", "createdAt", "updatedAt");
  }
}
