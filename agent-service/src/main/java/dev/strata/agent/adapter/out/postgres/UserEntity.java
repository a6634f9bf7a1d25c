package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Row of {@code agent.users}. */
@Entity
@Table(name = "users")
public class UserEntity extends VersionedEntity {
  public String email;
  public String name;
  public String role;
  public String username;
  public String passwordHash;
  public String roles;
}
