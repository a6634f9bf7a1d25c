package dev.strata.agent.adapter.out.postgres;

import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.of;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.time;

import dev.strata.agent.domain.access.Logins;
import dev.strata.agent.domain.access.Logins.Login;
import dev.strata.agent.domain.access.SecurityRoles;
import dev.strata.agent.domain.user.User;
import dev.strata.agent.domain.user.Users;
import dev.strata.kernel.value.SafeName;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link Users} and {@link Logins} on {@code agent.users}. */
public class PostgresUsers extends PostgresRepository<User> implements Users, Logins {

  public PostgresUsers() {
    super("agent.users", "user",
        List.of(of("email", User::email), of("name", User::name), of("role", User::role), of("username", User::username),
            of("roles", u -> SecurityRoles.join(u.roles())), of("password_hash", User::passwordHash), time("created_at", User::createdAt),
            time("updated_at", User::updatedAt)),
        Map.of("role", new Filter("role", PostgresUsers::role), "username", new Filter("username", PostgresUsers::username)),
        Map.of("name", "name", "email", "email", "createdAt", "created_at", "updatedAt", "updated_at"),
        "name");
  }

  private static Object role(String value) {
    if (!User.ROLES.contains(value)) {
      throw new IllegalArgumentException(value);
    }
    return value;
  }

  private static Object username(String value) {
    if (!SafeName.IDENTIFIER.accepts(value)) {
      throw new IllegalArgumentException(value);
    }
    return value;
  }

  @Override
  public CompletionStage<Optional<Login>> byUsername(String username) {
    return findOne("username = $1 AND password_hash IS NOT NULL", Tuple.of(username))
        .thenApply(found -> found.map(u -> new Login(u.username(), u.passwordHash(), u.roles())));
  }

  @Override
  protected User toDomain(Row row) {
    return new User(row.getUUID("id"), row.getString("email"), row.getString("name"), row.getString("role"), row.getString("username"),
        SecurityRoles.split(row.getString("roles")), row.getString("password_hash"), row.getLong("version"), Sql.instant(row, "created_at"),
        Sql.instant(row, "updated_at"));
  }

  @Override
  protected UUID idOf(User u) {
    return u.id();
  }

  @Override
  protected long versionOf(User u) {
    return u.version();
  }
}
