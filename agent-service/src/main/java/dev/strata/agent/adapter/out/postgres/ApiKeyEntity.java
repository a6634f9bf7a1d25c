package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code agent.api_keys}. */
@Entity
@Table(name = "api_keys")
public class ApiKeyEntity extends VersionedEntity {
  public String name;
  public String keyHash;
  public String roles;
  public Instant revokedAt;
}
