package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** Columns every mutable aggregate's table has; {@code version} makes Hibernate check for lost updates. */
@MappedSuperclass
public abstract class VersionedEntity {
  @Id public UUID id;
  @Version public long version;
  public Instant createdAt;
  public Instant updatedAt;
}
